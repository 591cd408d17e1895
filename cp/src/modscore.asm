*---------------------------------------------------------------------*
* MODSCORE - the modules of cpcore: the virtual CPU, storage and      *
* dispatching.  CPINIT stays first: it is the nucleus entry point at  *
* X'10000'.                                                           *
*---------------------------------------------------------------------*
