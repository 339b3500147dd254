import CLibTIFF
