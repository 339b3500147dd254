@_exported import KhoLocale
