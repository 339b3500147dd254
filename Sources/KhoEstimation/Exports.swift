@_exported import KhoLocale

