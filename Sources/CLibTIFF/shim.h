#ifndef KHO_CLIBTIFF_SHIM_H
#define KHO_CLIBTIFF_SHIM_H
#include <tiffio.h>
#endif
