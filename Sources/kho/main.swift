import KhoKit
print("kho")
