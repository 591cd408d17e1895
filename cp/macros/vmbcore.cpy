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
VMBPTAB  DS    A                   real address of its page tables
*                                  (one 2-byte entry per 4K page, in
*                                  page order: entry p at VMBPTAB+2p)
VMBCR1R  DS    F                   real CR1 that maps its storage
VMBSWPT  DS    A                   -> swap table (SWPENT per page)
VMBTBLA  DS    A                   -> the block holding VMBSEGT and
VMBTBLL  DS    F                   VMBPTAB (FREEGET), and its length
VMBPFX   DS    F                   virtual prefix (always 0: STPX)
*                                  -- shadow tables (virtual DAT on) --
VMBSHST  DS    A                   real address of the shadow segment
*                                  table (256 entries), or 0
VMBSHSTA DS    A                   -> the free storage it is in
VMBSHCR0 DS    F                   the guest CR0 format (bits 8-12)
VMBSHCR1 DS    F                   and CR1 the shadow is for
*                                  -- virtual timers --
VMBCKC   DS    D                   virtual clock comparator (TOD form)
VMBCPTM  DS    D                   virtual CPU timer (TOD form)
VMBVTIME DS    D                   virtual CPU time used, microseconds
VMBSLICE DS    D                   what is left of its time slice
VMBITREM DS    F                   interval timer: microseconds*96
*                                  not yet worth one 1/76800 s unit
VMBIDLTM DS    D                   OPTION REALTIMER: TOD when it idled
*                                  -- pending virtual interruptions --
VMBEXTP  DS    X                   external events waiting:
VMBEXKEY EQU   X'80'                 interrupt key (X'0040')
VMBEXITM EQU   X'40'                 interval timer (X'0080')
         DS    XL3
VMBIOPQ  DS    A                   -> first VDEV with a pending I/O
*                                  interruption (chain VDVPNEXT)
*                                  -- the trapped instruction --
VMBINST  DS    XL8                 copy of the instruction being
*                                  emulated (R2 points here)
VMBINSTA DS    A                   its guest address
VMBINILC DS    X                   its length (2, 4 or 6)
         DS    XL3
*                                  -- intercept counts (QUERY TRAPS,
*                                  PRVTRAPT names them) --
VMBCNTS  DS    0F
VMBCLPSW DS    F                   LPSW
VMBCSSM  DS    F                   SSM
VMBCSTNS DS    F                   STNSM
VMBCSTOS DS    F                   STOSM
VMBCSSK  DS    F                   SSK
VMBCISK  DS    F                   ISK
VMBCIPK  DS    F                   IPK
VMBCSPKA DS    F                   SPKA
VMBCLCTL DS    F                   LCTL
VMBCSTCT DS    F                   STCTL
VMBCSTID DS    F                   STIDP
VMBCSTAP DS    F                   STAP
VMBCSCK  DS    F                   SCK
VMBCSCKC DS    F                   SCKC
VMBCSTCC DS    F                   STCKC
VMBCSPT  DS    F                   SPT
VMBCSTPT DS    F                   STPT
VMBCSPX  DS    F                   SPX
VMBCSTPX DS    F                   STPX
VMBCSIGP DS    F                   SIGP
VMBCPTLB DS    F                   PTLB
VMBCRRB  DS    F                   RRB
VMBCLRA  DS    F                   LRA
VMBCDIAG DS    F                   DIAG
VMBCSIO  DS    F                   SIO
VMBCSIOF DS    F                   SIOF
VMBCTIO  DS    F                   TIO
VMBCCLRI DS    F                   CLRIO
VMBCHIO  DS    F                   HIO
VMBCHDV  DS    F                   HDV
VMBCTCH  DS    F                   TCH
VMBCSTDC DS    F                   STIDC
VMBCOTHR DS    F                   other privileged (not installed)
VMBCSVC  DS    F                   SVC interruptions reflected
VMBCPGM  DS    F                   program interruptions reflected
VMBCPAGE DS    F                   page faults (invisible to it)
VMBCEXT  DS    F                   virtual external interruptions
VMBCIOI  DS    F                   virtual I/O interruptions
VMBCNTE  DS    0F                  end of the counts
