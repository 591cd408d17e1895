*---------------------------------------------------------------------*
* VMBIO - VMBLOK part 2 (owner cpio): virtual devices and spooling.   *
*---------------------------------------------------------------------*
VMBVDEV  DS    A                   -> first VDEV (chain VDVNEXT)
