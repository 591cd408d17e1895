*---------------------------------------------------------------------*
* VMBIO - VMBLOK part 2 (owner cpio): virtual devices and spooling.   *
*---------------------------------------------------------------------*
VMBVDEV  DS    A                   -> first VDEV (chain VDVNEXT)
VMBVCONS DS    A                   -> the console VDEV, or 0
VMBIOCNT DS    F                   virtual SIOs started (QUERY)
