*---------------------------------------------------------------------*
* VMBCORE - VMBLOK part 1 (owner cpcore): the virtual CPU, virtual    *
* storage, timers, pending virtual interruptions, intercept counts.  *
*---------------------------------------------------------------------*
VMBNEXT  DS    A                   -> next VMBLOK, 0 at the end
VMBUSER  DS    CL8                 userid
VMBCLASS DS    CL8                 privilege classes
VMBSTATE DS    X                   scheduling state:
VMBSRUN  EQU   X'80'                 runnable
VMBSCPMD EQU   X'40'                 stopped in CP mode (CP READ)
VMBSIDLE EQU   X'20'                 enabled wait: idle until a
*                                    virtual interruption
VMBSDWT  EQU   X'10'                 disabled wait: stopped
VMBSLOGF EQU   X'01'                 logging off
VMBOPTS  DS    X                   UDROPTS from the directory
         DS    XL2
         DS    0D
VMBPSW   DS    D                   the virtual PSW, BC or EC form
VMBGPRS  DS    16F                 general registers
VMBFPRS  DS    4D                  floating-point registers
VMBCRS   DS    16F                 control registers
VMBSTOR  DS    F                   virtual storage size, bytes
VMBSEGT  DS    A                   real address of its segment table
