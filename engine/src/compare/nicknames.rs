//! English given names and nicknames, for name matching.
//!
//! GENERATED FILE - DO NOT EDIT BY HAND.
//!
//! Sources:
//! - PyPI `nicknames` 1.0.1 (Apache-2.0): nicknames/names.csv, the hand-curated list of https://github.com/carltonnorthern/nicknames
//!
//! Regenerate with: `python3 scripts/gen_nicknames.py`
//!
//! 2553 (formal, nickname) pairs; 1298 names with a canonical
//! formal name (rules and curated defaults in the generator's docstring).

/// Every name of the list (formal names and nicknames), sorted, for
/// `binary_search`; the tables below refer to names by index here.
pub static NAMES: &[&str] = &[
    "aaron",         // 0
    "ab",            // 1
    "abbe",          // 2
    "abbey",         // 3
    "abbi",          // 4
    "abbie",         // 5
    "abbigail",      // 6
    "abbigale",      // 7
    "abby",          // 8
    "abe",           // 9
    "abednego",      // 10
    "abel",          // 11
    "abiel",         // 12
    "abigail",       // 13
    "abigale",       // 14
    "abijah",        // 15
    "abner",         // 16
    "abraham",       // 17
    "abram",         // 18
    "absalom",       // 19
    "ada",           // 20
    "adaline",       // 21
    "addie",         // 22
    "addison",       // 23
    "addy",          // 24
    "adela",         // 25
    "adelaide",      // 26
    "adelbert",      // 27
    "adele",         // 28
    "adeline",       // 29
    "adelphia",      // 30
    "adena",         // 31
    "adie",          // 32
    "adina",         // 33
    "ado",           // 34
    "adolph",        // 35
    "adolphus",      // 36
    "adri",          // 37
    "adrian",        // 38
    "adriane",       // 39
    "adrienne",      // 40
    "aga",           // 41
    "agatha",        // 42
    "aggy",          // 43
    "agnes",         // 44
    "aileen",        // 45
    "al",            // 46
    "alan",          // 47
    "alanson",       // 48
    "alastair",      // 49
    "alazama",       // 50
    "albert",        // 51
    "alberta",       // 52
    "aldo",          // 53
    "aldrich",       // 54
    "alec",          // 55
    "alek",          // 56
    "aleksandr",     // 57
    "alen",          // 58
    "aleva",         // 59
    "alex",          // 60
    "alexander",     // 61
    "alexandra",     // 62
    "alexandria",    // 63
    "alexis",        // 64
    "alfonse",       // 65
    "alfred",        // 66
    "alfreda",       // 67
    "alfy",          // 68
    "algernon",      // 69
    "algy",          // 70
    "ali",           // 71
    "alice",         // 72
    "alicia",        // 73
    "aline",         // 74
    "alison",        // 75
    "alix",          // 76
    "alixandra",     // 77
    "alla",          // 78
    "allan",         // 79
    "allen",         // 80
    "allie",         // 81
    "allisandra",    // 82
    "allison",       // 83
    "ally",          // 84
    "allyson",       // 85
    "allyssa",       // 86
    "almena",        // 87
    "almina",        // 88
    "almira",        // 89
    "alonzo",        // 90
    "alphinias",     // 91
    "alphus",        // 92
    "althea",        // 93
    "alverta",       // 94
    "alyssa",        // 95
    "alzada",        // 96
    "amabel",        // 97
    "amanda",        // 98
    "ambrose",       // 99
    "amelia",        // 100
    "amos",          // 101
    "amy",           // 102
    "ana",           // 103
    "anastasia",     // 104
    "ance",          // 105
    "anderson",      // 106
    "andi",          // 107
    "andre",         // 108
    "andrea",        // 109
    "andrew",        // 110
    "andriane",      // 111
    "andy",          // 112
    "angel",         // 113
    "angela",        // 114
    "angelica",      // 115
    "angelika",      // 116
    "angelina",      // 117
    "angelique",     // 118
    "angie",         // 119
    "ann",           // 120
    "anna",          // 121
    "anne",          // 122
    "annette",       // 123
    "annie",         // 124
    "anse",          // 125
    "ansel",         // 126
    "anselm",        // 127
    "ant",           // 128
    "anthony",       // 129
    "antoinette",    // 130
    "antonia",       // 131
    "antonio",       // 132
    "app",           // 133
    "appie",         // 134
    "appoline",      // 135
    "appy",          // 136
    "aquilla",       // 137
    "ara",           // 138
    "arabella",      // 139
    "arabelle",      // 140
    "araminta",      // 141
    "archibald",     // 142
    "archie",        // 143
    "archilles",     // 144
    "ari",           // 145
    "ariadne",       // 146
    "arie",          // 147
    "arielle",       // 148
    "arilla",        // 149
    "aristotle",     // 150
    "arizona",       // 151
    "arlene",        // 152
    "arly",          // 153
    "armanda",       // 154
    "armena",        // 155
    "armida",        // 156
    "armilda",       // 157
    "arminda",       // 158
    "arminta",       // 159
    "arnie",         // 160
    "arnold",        // 161
    "aron",          // 162
    "arry",          // 163
    "art",           // 164
    "artelepsa",     // 165
    "artemus",       // 166
    "arthur",        // 167
    "arthusa",       // 168
    "arzada",        // 169
    "asa",           // 170
    "asahel",        // 171
    "asaph",         // 172
    "asenath",       // 173
    "ash",           // 174
    "ashley",        // 175
    "ashly",         // 176
    "assene",        // 177
    "athy",          // 178
    "aubrey",        // 179
    "audree",        // 180
    "audrey",        // 181
    "august",        // 182
    "augusta",       // 183
    "augustina",     // 184
    "augustine",     // 185
    "augustus",      // 186
    "aurelia",       // 187
    "aurilla",       // 188
    "austin",        // 189
    "avarilla",      // 190
    "azariah",       // 191
    "aze",           // 192
    "bab",           // 193
    "babs",          // 194
    "barbara",       // 195
    "barbery",       // 196
    "barbie",        // 197
    "barby",         // 198
    "barnabas",      // 199
    "barney",        // 200
    "barrett",       // 201
    "bart",          // 202
    "bartel",        // 203
    "bartholomew",   // 204
    "barticus",      // 205
    "basil",         // 206
    "bat",           // 207
    "bazaleel",      // 208
    "bea",           // 209
    "beatrice",      // 210
    "becca",         // 211
    "beck",          // 212
    "becky",         // 213
    "beda",          // 214
    "bedelia",       // 215
    "bedney",        // 216
    "beedy",         // 217
    "bela",          // 218
    "belinda",       // 219
    "bell",          // 220
    "bella",         // 221
    "belle",         // 222
    "ben",           // 223
    "benedict",      // 224
    "benjamin",      // 225
    "benjy",         // 226
    "bennie",        // 227
    "benny",         // 228
    "bernard",       // 229
    "berney",        // 230
    "bernie",        // 231
    "berny",         // 232
    "berry",         // 233
    "bert",          // 234
    "bertha",        // 235
    "bertie",        // 236
    "bertram",       // 237
    "bertrand",      // 238
    "bess",          // 239
    "bessie",        // 240
    "beth",          // 241
    "bethena",       // 242
    "betsy",         // 243
    "betty",         // 244
    "bev",           // 245
    "beverly",       // 246
    "bezaleel",      // 247
    "bias",          // 248
    "biddie",        // 249
    "biddy",         // 250
    "bige",          // 251
    "bill",          // 252
    "billiewilhelm", // 253
    "billy",         // 254
    "birdie",        // 255
    "birtie",        // 256
    "blanche",       // 257
    "bo",            // 258
    "bob",           // 259
    "bobbie",        // 260
    "bobby",         // 261
    "boetius",       // 262
    "brad",          // 263
    "bradford",      // 264
    "bradley",       // 265
    "brady",         // 266
    "brandy",        // 267
    "breanna",       // 268
    "bree",          // 269
    "breeanna",      // 270
    "brenda",        // 271
    "bri",           // 272
    "brian",         // 273
    "briana",        // 274
    "brianna",       // 275
    "bridget",       // 276
    "bridgie",       // 277
    "bridgit",       // 278
    "bridie",        // 279
    "brina",         // 280
    "britt",         // 281
    "brittany",      // 282
    "brittney",      // 283
    "brittnie",      // 284
    "broderick",     // 285
    "brody",         // 286
    "brose",         // 287
    "bryan",         // 288
    "bryanna",       // 289
    "bryant",        // 290
    "buren",         // 291
    "burt",          // 292
    "cage",          // 293
    "cait",          // 294
    "caitlin",       // 295
    "caitlyn",       // 296
    "caity",         // 297
    "cal",           // 298
    "caldonia",      // 299
    "caleb",         // 300
    "cali",          // 301
    "california",    // 302
    "calista",       // 303
    "callie",        // 304
    "calliedona",    // 305
    "cally",         // 306
    "calpurnia",     // 307
    "calvin",        // 308
    "cam",           // 309
    "cameron",       // 310
    "camile",        // 311
    "camille",       // 312
    "cammie",        // 313
    "campbell",      // 314
    "candace",       // 315
    "candy",         // 316
    "carl",          // 317
    "carla",         // 318
    "carlotta",      // 319
    "carlton",       // 320
    "carly",         // 321
    "carm",          // 322
    "carmellia",     // 323
    "carmelo",       // 324
    "carmon",        // 325
    "carol",         // 326
    "carolann",      // 327
    "carole",        // 328
    "caroline",      // 329
    "carolyn",       // 330
    "carri",         // 331
    "carrie",        // 332
    "carthaette",    // 333
    "casey",         // 334
    "casper",        // 335
    "cass",          // 336
    "cassandra",     // 337
    "cassidy",       // 338
    "cassie",        // 339
    "caswell",       // 340
    "catherine",     // 341
    "cathleen",      // 342
    "cathy",         // 343
    "cecilia",       // 344
    "ced",           // 345
    "cedric",        // 346
    "celeste",       // 347
    "celia",         // 348
    "celinda",       // 349
    "cene",          // 350
    "cenia",         // 351
    "chan",          // 352
    "char",          // 353
    "charity",       // 354
    "charles",       // 355
    "charlie",       // 356
    "charlotte",     // 357
    "charm",         // 358
    "chat",          // 359
    "chauncey",      // 360
    "chelle",        // 361
    "chelsey",       // 362
    "chelsie",       // 363
    "cher",          // 364
    "cheri",         // 365
    "cherie",        // 366
    "cheryl",        // 367
    "chesley",       // 368
    "chester",       // 369
    "chet",          // 370
    "chick",         // 371
    "chloe",         // 372
    "chris",         // 373
    "chrissy",       // 374
    "christa",       // 375
    "christian",     // 376
    "christiana",    // 377
    "christiano",    // 378
    "christina",     // 379
    "christine",     // 380
    "christoffer",   // 381
    "christoph",     // 382
    "christopher",   // 383
    "christy",       // 384
    "chuck",         // 385
    "cicely",        // 386
    "cilla",         // 387
    "cille",         // 388
    "cinderella",    // 389
    "cindy",         // 390
    "cintha",        // 391
    "cissy",         // 392
    "claas",         // 393
    "claes",         // 394
    "clair",         // 395
    "claire",        // 396
    "clara",         // 397
    "clare",         // 398
    "clarence",      // 399
    "clarinda",      // 400
    "clarissa",      // 401
    "claud",         // 402
    "claudia",       // 403
    "cleat",         // 404
    "cleatus",       // 405
    "clem",          // 406
    "clement",       // 407
    "clementine",    // 408
    "cliff",         // 409
    "clifford",      // 410
    "clifton",       // 411
    "clo",           // 412
    "clum",          // 413
    "coco",          // 414
    "cole",          // 415
    "colie",         // 416
    "columbus",      // 417
    "con",           // 418
    "connie",        // 419
    "conny",         // 420
    "conrad",        // 421
    "constance",     // 422
    "cora",          // 423
    "cordelia",      // 424
    "cordy",         // 425
    "corey",         // 426
    "corinne",       // 427
    "cornelia",      // 428
    "cornelius",     // 429
    "cornie",        // 430
    "corny",         // 431
    "cory",          // 432
    "court",         // 433
    "courtney",      // 434
    "crate",         // 435
    "creasey",       // 436
    "crissy",        // 437
    "crys",          // 438
    "crystal",       // 439
    "curg",          // 440
    "curt",          // 441
    "curtis",        // 442
    "cy",            // 443
    "cynthia",       // 444
    "cyphorus",      // 445
    "cyrenius",      // 446
    "cyrus",         // 447
    "dacey",         // 448
    "dacia",         // 449
    "dahl",          // 450
    "daisha",        // 451
    "daisy",         // 452
    "dal",           // 453
    "dalton",        // 454
    "dan",           // 455
    "dani",          // 456
    "daniel",        // 457
    "danielle",      // 458
    "dann",          // 459
    "danny",         // 460
    "daph",          // 461
    "daphie",        // 462
    "daphne",        // 463
    "darkey",        // 464
    "darlene",       // 465
    "darry",         // 466
    "dave",          // 467
    "davey",         // 468
    "david",         // 469
    "day",           // 470
    "daycia",        // 471
    "dea",           // 472
    "deanne",        // 473
    "deb",           // 474
    "debbie",        // 475
    "debby",         // 476
    "debora",        // 477
    "deborah",       // 478
    "debra",         // 479
    "dee",           // 480
    "deedee",        // 481
    "deena",         // 482
    "deidre",        // 483
    "del",           // 484
    "delbert",       // 485
    "delf",          // 486
    "delia",         // 487
    "delilah",       // 488
    "delius",        // 489
    "deliverance",   // 490
    "dell",          // 491
    "della",         // 492
    "delly",         // 493
    "delores",       // 494
    "delpha",        // 495
    "delphi",        // 496
    "delphia",       // 497
    "delphine",      // 498
    "demaris",       // 499
    "demerias",      // 500
    "democrates",    // 501
    "dena",          // 502
    "dennie",        // 503
    "dennis",        // 504
    "dennison",      // 505
    "denny",         // 506
    "derek",         // 507
    "derick",        // 508
    "derrek",        // 509
    "derrick",       // 510
    "deuteronomy",   // 511
    "di",            // 512
    "diah",          // 513
    "dian",          // 514
    "diana",         // 515
    "diane",         // 516
    "dianne",        // 517
    "dicey",         // 518
    "dicie",         // 519
    "dick",          // 520
    "dickie",        // 521
    "dickon",        // 522
    "dickson",       // 523
    "dicky",         // 524
    "dicy",          // 525
    "didi",          // 526
    "dilly",         // 527
    "dina",          // 528
    "dite",          // 529
    "ditus",         // 530
    "dob",           // 531
    "dobbin",        // 532
    "doda",          // 533
    "dolly",         // 534
    "dolph",         // 535
    "dom",           // 536
    "domenic",       // 537
    "dominic",       // 538
    "dominick",      // 539
    "dominico",      // 540
    "don",           // 541
    "dona",          // 542
    "donald",        // 543
    "donato",        // 544
    "donna",         // 545
    "donnie",        // 546
    "donny",         // 547
    "donovan",       // 548
    "dony",          // 549
    "dora",          // 550
    "dorcus",        // 551
    "dorinda",       // 552
    "doris",         // 553
    "dorothea",      // 554
    "dorothy",       // 555
    "dortha",        // 556
    "dosia",         // 557
    "dosie",         // 558
    "dossie",        // 559
    "dot",           // 560
    "dotha",         // 561
    "dottie",        // 562
    "dotty",         // 563
    "doug",          // 564
    "douglas",       // 565
    "dre",           // 566
    "drea",          // 567
    "drew",          // 568
    "drina",         // 569
    "drusilla",      // 570
    "duncan",        // 571
    "dunk",          // 572
    "dutch",         // 573
    "duty",          // 574
    "dyce",          // 575
    "dyche",         // 576
    "dyer",          // 577
    "earnest",       // 578
    "eb",            // 579
    "ebbie",         // 580
    "eben",          // 581
    "ebenezer",      // 582
    "ed",            // 583
    "eddie",         // 584
    "eddy",          // 585
    "edgar",         // 586
    "edie",          // 587
    "edith",         // 588
    "edmond",        // 589
    "edmund",        // 590
    "edna",          // 591
    "edny",          // 592
    "eduardo",       // 593
    "edward",        // 594
    "edwin",         // 595
    "edwina",        // 596
    "edye",          // 597
    "edyth",         // 598
    "edythe",        // 599
    "effie",         // 600
    "effy",          // 601
    "egbert",        // 602
    "eighta",        // 603
    "eileen",        // 604
    "el",            // 605
    "elaine",        // 606
    "elbert",        // 607
    "elbertson",     // 608
    "eldora",        // 609
    "eleanor",       // 610
    "eleazer",       // 611
    "elena",         // 612
    "elenor",        // 613
    "eli",           // 614
    "elias",         // 615
    "elijah",        // 616
    "eliphalel",     // 617
    "eliphalet",     // 618
    "elisa",         // 619
    "elisha",        // 620
    "eliza",         // 621
    "elizabeth",     // 622
    "ella",          // 623
    "ellen",         // 624
    "ellender",      // 625
    "ellie",         // 626
    "ellswood",      // 627
    "elly",          // 628
    "elminie",       // 629
    "elmira",        // 630
    "elnora",        // 631
    "eloise",        // 632
    "elouise",       // 633
    "elsey",         // 634
    "elsie",         // 635
    "elswood",       // 636
    "elvie",         // 637
    "elvira",        // 638
    "elwood",        // 639
    "elysia",        // 640
    "elze",          // 641
    "em",            // 642
    "emanuel",       // 643
    "emeline",       // 644
    "emil",          // 645
    "emily",         // 646
    "emma",          // 647
    "emmanuel",      // 648
    "emmy",          // 649
    "enne",          // 650
    "epaphroditius", // 651
    "eph",           // 652
    "ephraim",       // 653
    "eppa",          // 654
    "epsey",         // 655
    "erasmus",       // 656
    "eric",          // 657
    "erica",         // 658
    "erick",         // 659
    "ericka",        // 660
    "erika",         // 661
    "erin",          // 662
    "erna",          // 663
    "ernest",        // 664
    "ernestine",     // 665
    "ernie",         // 666
    "erwin",         // 667
    "es",            // 668
    "eseneth",       // 669
    "essa",          // 670
    "essie",         // 671
    "essy",          // 672
    "estella",       // 673
    "estelle",       // 674
    "esther",        // 675
    "etta",          // 676
    "etty",          // 677
    "eudicy",        // 678
    "eudora",        // 679
    "eudoris",       // 680
    "eugene",        // 681
    "eunice",        // 682
    "euphemia",      // 683
    "eurydice",      // 684
    "eustacia",      // 685
    "ev",            // 686
    "eva",           // 687
    "evaline",       // 688
    "evan",          // 689
    "evangeline",    // 690
    "eve",           // 691
    "evelina",       // 692
    "evelyn",        // 693
    "exie",          // 694
    "experience",    // 695
    "ez",            // 696
    "ezekiel",       // 697
    "ezideen",       // 698
    "ezra",          // 699
    "faith",         // 700
    "fal",           // 701
    "falcon",        // 702
    "fall",          // 703
    "fallie",        // 704
    "fallon",        // 705
    "fally",         // 706
    "falon",         // 707
    "fanny",         // 708
    "farmboy",       // 709
    "fate",          // 710
    "fay",           // 711
    "fel",           // 712
    "feli",          // 713
    "felicia",       // 714
    "felicity",      // 715
    "felix",         // 716
    "feltie",        // 717
    "felty",         // 718
    "ferbie",        // 719
    "ferdie",        // 720
    "ferdinand",     // 721
    "ferdinando",    // 722
    "fidelia",       // 723
    "fie",           // 724
    "field",         // 725
    "fifi",          // 726
    "fina",          // 727
    "fiona",         // 728
    "fionna",        // 729
    "flick",         // 730
    "flo",           // 731
    "flora",         // 732
    "florence",      // 733
    "flossy",        // 734
    "floyd",         // 735
    "ford",          // 736
    "fran",          // 737
    "frances",       // 738
    "francie",       // 739
    "francine",      // 740
    "francis",       // 741
    "frank",         // 742
    "frankie",       // 743
    "franklin",      // 744
    "franklind",     // 745
    "franky",        // 746
    "frannie",       // 747
    "franniey",      // 748
    "franny",        // 749
    "fred",          // 750
    "freda",         // 751
    "freddie",       // 752
    "freddy",        // 753
    "frederica",     // 754
    "frederick",     // 755
    "fredericka",    // 756
    "frieda",        // 757
    "fritz",         // 758
    "frona",         // 759
    "fronia",        // 760
    "frony",         // 761
    "gabby",         // 762
    "gabe",          // 763
    "gabriel",       // 764
    "gabriella",     // 765
    "gabrielle",     // 766
    "gail",          // 767
    "gare",          // 768
    "gareth",        // 769
    "garratt",       // 770
    "garret",        // 771
    "garrett",       // 772
    "garri",         // 773
    "garrick",       // 774
    "garry",         // 775
    "gary",          // 776
    "gatsy",         // 777
    "gay",           // 778
    "gee",           // 779
    "gene",          // 780
    "genevieve",     // 781
    "geoff",         // 782
    "geoffrey",      // 783
    "george",        // 784
    "georgia",       // 785
    "georgiana",     // 786
    "georgie",       // 787
    "georgine",      // 788
    "gerald",        // 789
    "geraldine",     // 790
    "gerhardt",      // 791
    "geri",          // 792
    "gerri",         // 793
    "gerrie",        // 794
    "gerry",         // 795
    "gert",          // 796
    "gertie",        // 797
    "gertrude",      // 798
    "gil",           // 799
    "gilbert",       // 800
    "gina",          // 801
    "ginger",        // 802
    "ginny",         // 803
    "gio",           // 804
    "giovanni",      // 805
    "glen",          // 806
    "glenn",         // 807
    "gloria",        // 808
    "glory",         // 809
    "gory",          // 810
    "governor",      // 811
    "govie",         // 812
    "green",         // 813
    "greenberry",    // 814
    "greg",          // 815
    "gregg",         // 816
    "greggory",      // 817
    "gregory",       // 818
    "greta",         // 819
    "gretchen",      // 820
    "gretta",        // 821
    "griselda",      // 822
    "grissel",       // 823
    "gum",           // 824
    "gus",           // 825
    "gussie",        // 826
    "gustavus",      // 827
    "gwen",          // 828
    "gwendolyn",     // 829
    "hailey",        // 830
    "hal",           // 831
    "hallie",        // 832
    "ham",           // 833
    "hamilton",      // 834
    "hank",          // 835
    "hannah",        // 836
    "hap",           // 837
    "haps",          // 838
    "harman",        // 839
    "harold",        // 840
    "harriet",       // 841
    "harrison",      // 842
    "harry",         // 843
    "harty",         // 844
    "haseltine",     // 845
    "hassie",        // 846
    "hattie",        // 847
    "haylee",        // 848
    "haylen",        // 849
    "hayley",        // 850
    "heather",       // 851
    "heidi",         // 852
    "helen",         // 853
    "helena",        // 854
    "helene",        // 855
    "heloise",       // 856
    "henny",         // 857
    "henrietta",     // 858
    "henry",         // 859
    "hephsibah",     // 860
    "hepsibah",      // 861
    "herb",          // 862
    "herbert",       // 863
    "herman",        // 864
    "hermie",        // 865
    "hermione",      // 866
    "hessy",         // 867
    "hester",        // 868
    "hetty",         // 869
    "hez",           // 870
    "hezekiah",      // 871
    "hiel",          // 872
    "hilary",        // 873
    "hillary",       // 874
    "hipsbibah",     // 875
    "hipsie",        // 876
    "hiram",         // 877
    "hitty",         // 878
    "hob",           // 879
    "hobkin",        // 880
    "hoda",          // 881
    "hodge",         // 882
    "hodie",         // 883
    "hody",          // 884
    "honey",         // 885
    "honor",         // 886
    "honora",        // 887
    "hop",           // 888
    "hopkins",       // 889
    "hopp",          // 890
    "horace",        // 891
    "horry",         // 892
    "hortense",      // 893
    "hosea",         // 894
    "hosey",         // 895
    "hosie",         // 896
    "howard",        // 897
    "howie",         // 898
    "hub",           // 899
    "hubert",        // 900
    "hugh",          // 901
    "humey",         // 902
    "hy",            // 903
    "ian",           // 904
    "ib",            // 905
    "iggy",          // 906
    "ignatius",      // 907
    "ignatzio",      // 908
    "ike",           // 909
    "immanuel",      // 910
    "ina",           // 911
    "india",         // 912
    "indie",         // 913
    "indy",          // 914
    "inez",          // 915
    "iona",          // 916
    "irene",         // 917
    "irv",           // 918
    "irvin",         // 919
    "irving",        // 920
    "irwin",         // 921
    "isaac",         // 922
    "isabel",        // 923
    "isabella",      // 924
    "isabelle",      // 925
    "isadora",       // 926
    "isadore",       // 927
    "isaiah",        // 928
    "isidore",       // 929
    "issy",          // 930
    "iva",           // 931
    "ivan",          // 932
    "ivy",           // 933
    "izzy",          // 934
    "jaap",          // 935
    "jack",          // 936
    "jackie",        // 937
    "jackson",       // 938
    "jacob",         // 939
    "jacobus",       // 940
    "jacqueline",    // 941
    "jacqui",        // 942
    "jaelin",        // 943
    "jaelyn",        // 944
    "jahoda",        // 945
    "jailyn",        // 946
    "jake",          // 947
    "jakob",         // 948
    "jalen",         // 949
    "james",         // 950
    "jamey",         // 951
    "jamie",         // 952
    "jan",           // 953
    "jane",          // 954
    "janet",         // 955
    "janice",        // 956
    "janie",         // 957
    "jannett",       // 958
    "jap",           // 959
    "jasper",        // 960
    "jay",           // 961
    "jaye",          // 962
    "jaylin",        // 963
    "jaylyn",        // 964
    "jayme",         // 965
    "jean",          // 966
    "jeanette",      // 967
    "jeanne",        // 968
    "jeannie",       // 969
    "jeb",           // 970
    "jebadiah",      // 971
    "jed",           // 972
    "jedediah",      // 973
    "jedidiah",      // 974
    "jeff",          // 975
    "jefferey",      // 976
    "jefferson",     // 977
    "jeffery",       // 978
    "jeffrey",       // 979
    "jehiel",        // 980
    "jehu",          // 981
    "jem",           // 982
    "jemima",        // 983
    "jen",           // 984
    "jenn",          // 985
    "jennet",        // 986
    "jenni",         // 987
    "jennie",        // 988
    "jennifer",      // 989
    "jenny",         // 990
    "jereme",        // 991
    "jeremiah",      // 992
    "jeremy",        // 993
    "jerita",        // 994
    "jerry",         // 995
    "jess",          // 996
    "jessica",       // 997
    "jessie",        // 998
    "jettie",        // 999
    "jez",           // 1000
    "jezza",         // 1001
    "jill",          // 1002
    "jillian",       // 1003
    "jim",           // 1004
    "jimmie",        // 1005
    "jimmy",         // 1006
    "jincy",         // 1007
    "jinsy",         // 1008
    "jo",            // 1009
    "joan",          // 1010
    "joann",         // 1011
    "joanna",        // 1012
    "joanne",        // 1013
    "jock",          // 1014
    "jodi",          // 1015
    "jody",          // 1016
    "joe",           // 1017
    "joey",          // 1018
    "johann",        // 1019
    "johanna",       // 1020
    "johannah",      // 1021
    "johannes",      // 1022
    "john",          // 1023
    "johnathan",     // 1024
    "johnathon",     // 1025
    "johnny",        // 1026
    "johny",         // 1027
    "jon",           // 1028
    "jonathan",      // 1029
    "jonathon",      // 1030
    "jonnie",        // 1031
    "jonny",         // 1032
    "jos",           // 1033
    "joseph",        // 1034
    "josephine",     // 1035
    "josetta",       // 1036
    "josey",         // 1037
    "josh",          // 1038
    "joshua",        // 1039
    "josiah",        // 1040
    "josie",         // 1041
    "josophine",     // 1042
    "joy",           // 1043
    "joyce",         // 1044
    "jr",            // 1045
    "juanita",       // 1046
    "jud",           // 1047
    "juda",          // 1048
    "judah",         // 1049
    "jude",          // 1050
    "juder",         // 1051
    "judi",          // 1052
    "judie",         // 1053
    "judith",        // 1054
    "judson",        // 1055
    "judy",          // 1056
    "jule",          // 1057
    "jules",         // 1058
    "julia",         // 1059
    "julian",        // 1060
    "julias",        // 1061
    "julie",         // 1062
    "june",          // 1063
    "junie",         // 1064
    "junior",        // 1065
    "junius",        // 1066
    "justin",        // 1067
    "justina",       // 1068
    "juston",        // 1069
    "justus",        // 1070
    "k.c.",          // 1071
    "kait",          // 1072
    "kaitie",        // 1073
    "kaitlin",       // 1074
    "kaitlyn",       // 1075
    "kaitlynn",      // 1076
    "kali",          // 1077
    "kalli",         // 1078
    "kam",           // 1079
    "kameron",       // 1080
    "kara",          // 1081
    "kari",          // 1082
    "karla",         // 1083
    "kasey",         // 1084
    "katarina",      // 1085
    "kate",          // 1086
    "katelin",       // 1087
    "katelyn",       // 1088
    "katherine",     // 1089
    "kathleen",      // 1090
    "kathryn",       // 1091
    "kathy",         // 1092
    "katia",         // 1093
    "katie",         // 1094
    "katy",          // 1095
    "kay",           // 1096
    "kaye",          // 1097
    "kayla",         // 1098
    "kelley",        // 1099
    "kelli",         // 1100
    "kellie",        // 1101
    "kelly",         // 1102
    "ken",           // 1103
    "kendall",       // 1104
    "kendra",        // 1105
    "kendrick",      // 1106
    "kendrik",       // 1107
    "kenj",          // 1108
    "kenji",         // 1109
    "kenna",         // 1110
    "kenneth",       // 1111
    "kenny",         // 1112
    "kent",          // 1113
    "kenzy",         // 1114
    "kerri",         // 1115
    "kerry",         // 1116
    "kev",           // 1117
    "kevin",         // 1118
    "keziah",        // 1119
    "kiah",          // 1120
    "kill",          // 1121
    "killis",        // 1122
    "kim",           // 1123
    "kimberley",     // 1124
    "kimberli",      // 1125
    "kimberly",      // 1126
    "king",          // 1127
    "kingsley",      // 1128
    "kingston",      // 1129
    "kissy",         // 1130
    "kit",           // 1131
    "kittie",        // 1132
    "kizza",         // 1133
    "kizzie",        // 1134
    "kris",          // 1135
    "kristel",       // 1136
    "kristen",       // 1137
    "kristin",       // 1138
    "kristine",      // 1139
    "kristofer",     // 1140
    "kristoffer",    // 1141
    "kristopher",    // 1142
    "kristy",        // 1143
    "kym",           // 1144
    "kymberly",      // 1145
    "l.b.",          // 1146
    "l.r.",          // 1147
    "lafayette",     // 1148
    "laffie",        // 1149
    "lainie",        // 1150
    "lamont",        // 1151
    "lan",           // 1152
    "lani",          // 1153
    "lanna",         // 1154
    "lanny",         // 1155
    "lanson",        // 1156
    "laodicia",      // 1157
    "larry",         // 1158
    "latisha",       // 1159
    "laura",         // 1160
    "laurel",        // 1161
    "lauren",        // 1162
    "laurence",      // 1163
    "laurie",        // 1164
    "laurinda",      // 1165
    "lauryn",        // 1166
    "laveda",        // 1167
    "laverne",       // 1168
    "lavina",        // 1169
    "lavinia",       // 1170
    "lavonia",       // 1171
    "lavonne",       // 1172
    "lawrence",      // 1173
    "lawrie",        // 1174
    "lazar",         // 1175
    "lea",           // 1176
    "leafa",         // 1177
    "leah",          // 1178
    "leanne",        // 1179
    "lecurgus",      // 1180
    "lee",           // 1181
    "leet",          // 1182
    "left",          // 1183
    "leilani",       // 1184
    "lem",           // 1185
    "lemuel",        // 1186
    "len",           // 1187
    "lena",          // 1188
    "lennie",        // 1189
    "lenny",         // 1190
    "lenora",        // 1191
    "leo",           // 1192
    "leon",          // 1193
    "leonard",       // 1194
    "leonidas",      // 1195
    "leonora",       // 1196
    "leonore",       // 1197
    "leroy",         // 1198
    "les",           // 1199
    "lesley",        // 1200
    "leslie",        // 1201
    "lessie",        // 1202
    "lester",        // 1203
    "letitia",       // 1204
    "lettice",       // 1205
    "lettie",        // 1206
    "leve",          // 1207
    "levi",          // 1208
    "levicy",        // 1209
    "levone",        // 1210
    "levy",          // 1211
    "lewis",         // 1212
    "lexi",          // 1213
    "lias",          // 1214
    "lib",           // 1215
    "libby",         // 1216
    "lidia",         // 1217
    "life",          // 1218
    "lige",          // 1219
    "lil",           // 1220
    "lila",          // 1221
    "liley",         // 1222
    "lillah",        // 1223
    "lillian",       // 1224
    "lilly",         // 1225
    "lily",          // 1226
    "lina",          // 1227
    "lincoln",       // 1228
    "linda",         // 1229
    "lindsay",       // 1230
    "lindsey",       // 1231
    "lindsie",       // 1232
    "lindsy",        // 1233
    "lindy",         // 1234
    "lineau",        // 1235
    "link",          // 1236
    "lionel",        // 1237
    "lisa",          // 1238
    "lish",          // 1239
    "lissa",         // 1240
    "lissia",        // 1241
    "little",        // 1242
    "littleberry",   // 1243
    "livia",         // 1244
    "liz",           // 1245
    "liza",          // 1246
    "lizzie",        // 1247
    "lizzy",         // 1248
    "lloyd",         // 1249
    "lodi",          // 1250
    "lois",          // 1251
    "lola",          // 1252
    "lolly",         // 1253
    "lon",           // 1254
    "lonnie",        // 1255
    "lonny",         // 1256
    "lonzo",         // 1257
    "loomie",        // 1258
    "lorelei",       // 1259
    "loren",         // 1260
    "lorenzo",       // 1261
    "loretta",       // 1262
    "lori",          // 1263
    "lorie",         // 1264
    "lorne",         // 1265
    "lorraine",      // 1266
    "lorrie",        // 1267
    "lorry",         // 1268
    "lotta",         // 1269
    "lottie",        // 1270
    "lou",           // 1271
    "louie",         // 1272
    "louis",         // 1273
    "louisa",        // 1274
    "louise",        // 1275
    "louvinia",      // 1276
    "lu",            // 1277
    "lucas",         // 1278
    "lucia",         // 1279
    "lucias",        // 1280
    "lucille",       // 1281
    "lucina",        // 1282
    "lucinda",       // 1283
    "lucius",        // 1284
    "lucretia",      // 1285
    "lucy",          // 1286
    "luella",        // 1287
    "luke",          // 1288
    "lula",          // 1289
    "lunetta",       // 1290
    "lura",          // 1291
    "lurana",        // 1292
    "luther",        // 1293
    "lyddy",         // 1294
    "lydia",         // 1295
    "lyndon",        // 1296
    "lynn",          // 1297
    "mabel",         // 1298
    "mac",           // 1299
    "mack",          // 1300
    "mackenzie",     // 1301
    "maddi",         // 1302
    "maddie",        // 1303
    "maddison",      // 1304
    "maddy",         // 1305
    "madeline",      // 1306
    "madelyn",       // 1307
    "madge",         // 1308
    "madie",         // 1309
    "madison",       // 1310
    "mae",           // 1311
    "maegen",        // 1312
    "magda",         // 1313
    "magdalena",     // 1314
    "magdelina",     // 1315
    "maggie",        // 1316
    "maggy",         // 1317
    "mahala",        // 1318
    "maisie",        // 1319
    "makayla",       // 1320
    "mal",           // 1321
    "malachi",       // 1322
    "malc",          // 1323
    "malcolm",       // 1324
    "malinda",       // 1325
    "mally",         // 1326
    "mamie",         // 1327
    "manda",         // 1328
    "mandie",        // 1329
    "mandy",         // 1330
    "manerva",       // 1331
    "manny",         // 1332
    "manoah",        // 1333
    "manola",        // 1334
    "mantha",        // 1335
    "manuel",        // 1336
    "marc",          // 1337
    "marcia",        // 1338
    "marcie",        // 1339
    "marcus",        // 1340
    "margaret",      // 1341
    "margaretta",    // 1342
    "margarita",     // 1343
    "marge",         // 1344
    "margery",       // 1345
    "margie",        // 1346
    "margo",         // 1347
    "marguerite",    // 1348
    "margy",         // 1349
    "maria",         // 1350
    "mariah",        // 1351
    "marian",        // 1352
    "marianna",      // 1353
    "marie",         // 1354
    "marietta",      // 1355
    "marilyn",       // 1356
    "marion",        // 1357
    "maris",         // 1358
    "marissa",       // 1359
    "marjorie",      // 1360
    "mark",          // 1361
    "marni",         // 1362
    "marnie",        // 1363
    "marsha",        // 1364
    "martha",        // 1365
    "martin",        // 1366
    "martina",       // 1367
    "martine",       // 1368
    "marty",         // 1369
    "marv",          // 1370
    "marvin",        // 1371
    "mary",          // 1372
    "masa",          // 1373
    "masayuki",      // 1374
    "mat",           // 1375
    "mathew",        // 1376
    "mathilda",      // 1377
    "matilda",       // 1378
    "matt",          // 1379
    "matthew",       // 1380
    "matthews",      // 1381
    "matthias",      // 1382
    "mattie",        // 1383
    "matty",         // 1384
    "maty",          // 1385
    "maud",          // 1386
    "maureen",       // 1387
    "maurice",       // 1388
    "mave",          // 1389
    "mavery",        // 1390
    "mavine",        // 1391
    "max",           // 1392
    "maximilian",    // 1393
    "maximillian",   // 1394
    "maxine",        // 1395
    "maxwell",       // 1396
    "may",           // 1397
    "mc",            // 1398
    "mckenna",       // 1399
    "meaka",         // 1400
    "medora",        // 1401
    "mees",          // 1402
    "meg",           // 1403
    "megan",         // 1404
    "meghan",        // 1405
    "mehitabel",     // 1406
    "mel",           // 1407
    "melanie",       // 1408
    "melchizedek",   // 1409
    "melia",         // 1410
    "melinda",       // 1411
    "melissa",       // 1412
    "mellia",        // 1413
    "mellie",        // 1414
    "mellony",       // 1415
    "melly",         // 1416
    "melo",          // 1417
    "melody",        // 1418
    "melvin",        // 1419
    "melvina",       // 1420
    "mena",          // 1421
    "menaalmena",    // 1422
    "mercedes",      // 1423
    "merci",         // 1424
    "mercy",         // 1425
    "mert",          // 1426
    "merv",          // 1427
    "mervin",        // 1428
    "mervyn",        // 1429
    "metta",         // 1430
    "meus",          // 1431
    "micah",         // 1432
    "micajah",       // 1433
    "michael",       // 1434
    "micheal",       // 1435
    "michelle",      // 1436
    "mick",          // 1437
    "mickey",        // 1438
    "micky",         // 1439
    "middie",        // 1440
    "middy",         // 1441
    "midge",         // 1442
    "miggy",         // 1443
    "miguael",       // 1444
    "miguaell",      // 1445
    "miguail",       // 1446
    "miguaill",      // 1447
    "miguayl",       // 1448
    "miguayll",      // 1449
    "miguel",        // 1450
    "miguell",       // 1451
    "mike",          // 1452
    "mikey",         // 1453
    "miky",          // 1454
    "mildred",       // 1455
    "millicent",     // 1456
    "millie",        // 1457
    "milly",         // 1458
    "mima",          // 1459
    "mimi",          // 1460
    "mina",          // 1461
    "mindie",        // 1462
    "mindy",         // 1463
    "minerva",       // 1464
    "minite",        // 1465
    "minnie",        // 1466
    "minty",         // 1467
    "mira",          // 1468
    "miranda",       // 1469
    "miriam",        // 1470
    "missy",         // 1471
    "mitch",         // 1472
    "mitchell",      // 1473
    "mittie",        // 1474
    "mitty",         // 1475
    "mitzi",         // 1476
    "mitzie",        // 1477
    "mock",          // 1478
    "mollie",        // 1479
    "molly",         // 1480
    "mona",          // 1481
    "monet",         // 1482
    "monica",        // 1483
    "monna",         // 1484
    "monnie",        // 1485
    "monte",         // 1486
    "monteleon",     // 1487
    "montesque",     // 1488
    "montgomery",    // 1489
    "monty",         // 1490
    "morey",         // 1491
    "morris",        // 1492
    "mort",          // 1493
    "mortimer",      // 1494
    "mose",          // 1495
    "moses",         // 1496
    "moss",          // 1497
    "mur",           // 1498
    "muriel",        // 1499
    "myra",          // 1500
    "myrt",          // 1501
    "myrti",         // 1502
    "myrtle",        // 1503
    "nabby",         // 1504
    "nace",          // 1505
    "nada",          // 1506
    "nadine",        // 1507
    "naldo",         // 1508
    "nan",           // 1509
    "nancy",         // 1510
    "nando",         // 1511
    "nanny",         // 1512
    "naomi",         // 1513
    "nap",           // 1514
    "napoleon",      // 1515
    "nappy",         // 1516
    "nat",           // 1517
    "natalie",       // 1518
    "natasha",       // 1519
    "nate",          // 1520
    "nathan",        // 1521
    "nathaniel",     // 1522
    "natius",        // 1523
    "natty",         // 1524
    "naz",           // 1525
    "ned",           // 1526
    "neil",          // 1527
    "nelia",         // 1528
    "nell",          // 1529
    "nelle",         // 1530
    "nellie",        // 1531
    "nelly",         // 1532
    "nels",          // 1533
    "nelson",        // 1534
    "nerva",         // 1535
    "nervie",        // 1536
    "nessa",         // 1537
    "netta",         // 1538
    "nettie",        // 1539
    "newt",          // 1540
    "newton",        // 1541
    "nib",           // 1542
    "nibby",         // 1543
    "nic",           // 1544
    "nicey",         // 1545
    "nicholas",      // 1546
    "nichole",       // 1547
    "nicholette",    // 1548
    "nicie",         // 1549
    "nick",          // 1550
    "nickey",        // 1551
    "nicki",         // 1552
    "nickie",        // 1553
    "nicky",         // 1554
    "nico",          // 1555
    "nicodemus",     // 1556
    "nicolas",       // 1557
    "nicole",        // 1558
    "niel",          // 1559
    "nikki",         // 1560
    "nikolas",       // 1561
    "nikole",        // 1562
    "nita",          // 1563
    "noah",          // 1564
    "noel",          // 1565
    "nole",          // 1566
    "nollie",        // 1567
    "nonie",         // 1568
    "nonnie",        // 1569
    "nora",          // 1570
    "norah",         // 1571
    "norbert",       // 1572
    "norbu",         // 1573
    "norbusamte",    // 1574
    "norby",         // 1575
    "norm",          // 1576
    "norman",        // 1577
    "norry",         // 1578
    "nowell",        // 1579
    "obadiah",       // 1580
    "obed",          // 1581
    "obediah",       // 1582
    "obedience",     // 1583
    "obie",          // 1584
    "octavia",       // 1585
    "ode",           // 1586
    "odell",         // 1587
    "odo",           // 1588
    "ola",           // 1589
    "olive",         // 1590
    "oliver",        // 1591
    "olivia",        // 1592
    "ollie",         // 1593
    "olph",          // 1594
    "omi",           // 1595
    "ona",           // 1596
    "one",           // 1597
    "onicyphorous",  // 1598
    "onie",          // 1599
    "onnie",         // 1600
    "ophi",          // 1601
    "ora",           // 1602
    "orilla",        // 1603
    "orlando",       // 1604
    "orphelia",      // 1605
    "osaforum",      // 1606
    "osaforus",      // 1607
    "ossy",          // 1608
    "oswald",        // 1609
    "ote",           // 1610
    "otha",          // 1611
    "otis",          // 1612
    "ozzy",          // 1613
    "paddy",         // 1614
    "pam",           // 1615
    "pamela",        // 1616
    "pandora",       // 1617
    "parmelia",      // 1618
    "parsuny",       // 1619
    "parthenia",     // 1620
    "pasoonie",      // 1621
    "pat",           // 1622
    "pate",          // 1623
    "patience",      // 1624
    "patricia",      // 1625
    "patrick",       // 1626
    "patsy",         // 1627
    "patti",         // 1628
    "patty",         // 1629
    "paul",          // 1630
    "paula",         // 1631
    "paulina",       // 1632
    "pauline",       // 1633
    "peg",           // 1634
    "peggie",        // 1635
    "peggy",         // 1636
    "pelegrine",     // 1637
    "penelope",      // 1638
    "penie",         // 1639
    "penny",         // 1640
    "percival",      // 1641
    "percy",         // 1642
    "peregrine",     // 1643
    "permelia",      // 1644
    "pernetta",      // 1645
    "perry",         // 1646
    "persephone",    // 1647
    "pete",          // 1648
    "peter",         // 1649
    "petronella",    // 1650
    "phelia",        // 1651
    "phena",         // 1652
    "pheney",        // 1653
    "phenie",        // 1654
    "pherbia",       // 1655
    "pheriba",       // 1656
    "phil",          // 1657
    "philadelphia",  // 1658
    "philander",     // 1659
    "philetus",      // 1660
    "philinda",      // 1661
    "philip",        // 1662
    "philipina",     // 1663
    "phillip",       // 1664
    "philly",        // 1665
    "philomena",     // 1666
    "phoebe",        // 1667
    "pinckney",      // 1668
    "pink",          // 1669
    "pip",           // 1670
    "pleasant",      // 1671
    "ples",          // 1672
    "pocahontas",    // 1673
    "pokey",         // 1674
    "polly",         // 1675
    "posthuma",      // 1676
    "pres",          // 1677
    "prescott",      // 1678
    "priscilla",     // 1679
    "prissy",        // 1680
    "providence",    // 1681
    "provy",         // 1682
    "prudence",      // 1683
    "prudy",         // 1684
    "prue",          // 1685
    "quil",          // 1686
    "quilla",        // 1687
    "quillie",       // 1688
    "rachael",       // 1689
    "rachel",        // 1690
    "rafa",          // 1691
    "rafaela",       // 1692
    "ralph",         // 1693
    "ramona",        // 1694
    "randall",       // 1695
    "randi",         // 1696
    "randolf",       // 1697
    "randolph",      // 1698
    "randy",         // 1699
    "raphael",       // 1700
    "rasmus",        // 1701
    "ray",           // 1702
    "raymond",       // 1703
    "raze",          // 1704
    "rea",           // 1705
    "reba",          // 1706
    "rebecca",       // 1707
    "ree",           // 1708
    "reg",           // 1709
    "reggie",        // 1710
    "regina",        // 1711
    "reginald",      // 1712
    "relief",        // 1713
    "rella",         // 1714
    "ren",           // 1715
    "rena",          // 1716
    "renius",        // 1717
    "renny",         // 1718
    "retta",         // 1719
    "reuben",        // 1720
    "reynold",       // 1721
    "rhett",         // 1722
    "rhoda",         // 1723
    "rhodella",      // 1724
    "rhyna",         // 1725
    "rhynie",        // 1726
    "riah",          // 1727
    "rian",          // 1728
    "riane",         // 1729
    "ricardo",       // 1730
    "rich",          // 1731
    "richard",       // 1732
    "riche",         // 1733
    "richie",        // 1734
    "rick",          // 1735
    "ricka",         // 1736
    "rickey",        // 1737
    "rickie",        // 1738
    "ricky",         // 1739
    "rienne",        // 1740
    "rilla",         // 1741
    "rilly",         // 1742
    "rissa",         // 1743
    "rita",          // 1744
    "rob",           // 1745
    "robbie",        // 1746
    "robby",         // 1747
    "robert",        // 1748
    "roberta",       // 1749
    "roberto",       // 1750
    "roby",          // 1751
    "rod",           // 1752
    "roddy",         // 1753
    "roderick",      // 1754
    "rodger",        // 1755
    "rodie",         // 1756
    "rodney",        // 1757
    "roge",          // 1758
    "roger",         // 1759
    "roland",        // 1760
    "rolf",          // 1761
    "rollo",         // 1762
    "rolly",         // 1763
    "ron",           // 1764
    "ronald",        // 1765
    "ronie",         // 1766
    "ronna",         // 1767
    "ronnie",        // 1768
    "ronny",         // 1769
    "rosa",          // 1770
    "rosabel",       // 1771
    "rosabella",     // 1772
    "rosaenn",       // 1773
    "rosaenna",      // 1774
    "rosalinda",     // 1775
    "rosalyn",       // 1776
    "roscoe",        // 1777
    "rose",          // 1778
    "roseann",       // 1779
    "roseanna",      // 1780
    "roseanne",      // 1781
    "rosemarie",     // 1782
    "rosemary",      // 1783
    "rosey",         // 1784
    "rosie",         // 1785
    "rosina",        // 1786
    "ross",          // 1787
    "rox",           // 1788
    "roxane",        // 1789
    "roxanna",       // 1790
    "roxanne",       // 1791
    "roxie",         // 1792
    "roy",           // 1793
    "roz",           // 1794
    "rube",          // 1795
    "rudolph",       // 1796
    "rudolphus",     // 1797
    "rudy",          // 1798
    "ruminta",       // 1799
    "rupert",        // 1800
    "russ",          // 1801
    "russell",       // 1802
    "rusty",         // 1803
    "ry",            // 1804
    "ryan",          // 1805
    "sabrina",       // 1806
    "sadie",         // 1807
    "safie",         // 1808
    "safieel",       // 1809
    "sal",           // 1810
    "sally",         // 1811
    "salmon",        // 1812
    "salome",        // 1813
    "salvador",      // 1814
    "sam",           // 1815
    "samantha",      // 1816
    "sammy",         // 1817
    "sampson",       // 1818
    "samson",        // 1819
    "samuel",        // 1820
    "samyra",        // 1821
    "sandra",        // 1822
    "sandy",         // 1823
    "sanford",       // 1824
    "sara",          // 1825
    "sarah",         // 1826
    "sarilla",       // 1827
    "saul",          // 1828
    "savanna",       // 1829
    "savannah",      // 1830
    "sceeter",       // 1831
    "scott",         // 1832
    "scottie",       // 1833
    "scotty",        // 1834
    "seb",           // 1835
    "sebastian",     // 1836
    "sebby",         // 1837
    "see",           // 1838
    "selma",         // 1839
    "sene",          // 1840
    "senie",         // 1841
    "seph",          // 1842
    "sephy",         // 1843
    "serena",        // 1844
    "serene",        // 1845
    "serilla",       // 1846
    "seymour",       // 1847
    "sha",           // 1848
    "shaina",        // 1849
    "sharon",        // 1850
    "shaun",         // 1851
    "shawn",         // 1852
    "shay",          // 1853
    "sheila",        // 1854
    "shel",          // 1855
    "sheldon",       // 1856
    "shelley",       // 1857
    "shellie",       // 1858
    "shelly",        // 1859
    "shelton",       // 1860
    "shely",         // 1861
    "sher",          // 1862
    "sheri",         // 1863
    "sheridan",      // 1864
    "sherri",        // 1865
    "sherry",        // 1866
    "sherryl",       // 1867
    "sheryl",        // 1868
    "shirl",         // 1869
    "shirley",       // 1870
    "si",            // 1871
    "sibbell",       // 1872
    "sibbie",        // 1873
    "sibbilla",      // 1874
    "sid",           // 1875
    "sidney",        // 1876
    "sig",           // 1877
    "sigfired",      // 1878
    "sigfrid",       // 1879
    "sigismund",     // 1880
    "silas",         // 1881
    "silence",       // 1882
    "silla",         // 1883
    "silvester",     // 1884
    "simeon",        // 1885
    "simon",         // 1886
    "sina",          // 1887
    "sinah",         // 1888
    "sion",          // 1889
    "sis",           // 1890
    "sly",           // 1891
    "smith",         // 1892
    "smitty",        // 1893
    "socrates",      // 1894
    "sol",           // 1895
    "solly",         // 1896
    "solomon",       // 1897
    "sondra",        // 1898
    "sonnie",        // 1899
    "sonny",         // 1900
    "sophia",        // 1901
    "sophie",        // 1902
    "sophronia",     // 1903
    "squat",         // 1904
    "stacey",        // 1905
    "staci",         // 1906
    "stacia",        // 1907
    "stacie",        // 1908
    "stacy",         // 1909
    "stal",          // 1910
    "steffi",        // 1911
    "steffie",       // 1912
    "stella",        // 1913
    "steph",         // 1914
    "stephan",       // 1915
    "stephani",      // 1916
    "stephanie",     // 1917
    "stephany",      // 1918
    "stephen",       // 1919
    "stephie",       // 1920
    "stephine",      // 1921
    "steve",         // 1922
    "steven",        // 1923
    "stevie",        // 1924
    "stu",           // 1925
    "stuart",        // 1926
    "sue",           // 1927
    "sukey",         // 1928
    "suki",          // 1929
    "sula",          // 1930
    "sulie",         // 1931
    "sullivan",      // 1932
    "sully",         // 1933
    "susan",         // 1934
    "susannah",      // 1935
    "susie",         // 1936
    "suzanne",       // 1937
    "suzie",         // 1938
    "swene",         // 1939
    "sy",            // 1940
    "sybill",        // 1941
    "syd",           // 1942
    "sydney",        // 1943
    "syl",           // 1944
    "sylvanus",      // 1945
    "sylvester",     // 1946
    "syphorous",     // 1947
    "tabby",         // 1948
    "tabitha",       // 1949
    "tal",           // 1950
    "tamarra",       // 1951
    "tami",          // 1952
    "tammie",        // 1953
    "tammy",         // 1954
    "tamzine",       // 1955
    "tanafra",       // 1956
    "tanny",         // 1957
    "tash",          // 1958
    "tasha",         // 1959
    "tashie",        // 1960
    "tave",          // 1961
    "tavia",         // 1962
    "ted",           // 1963
    "teddy",         // 1964
    "teeny",         // 1965
    "telly",         // 1966
    "temperance",    // 1967
    "tempy",         // 1968
    "tensey",        // 1969
    "terence",       // 1970
    "teresa",        // 1971
    "teri",          // 1972
    "terri",         // 1973
    "terrie",        // 1974
    "terry",         // 1975
    "tess",          // 1976
    "tessa",         // 1977
    "tessie",        // 1978
    "thad",          // 1979
    "thaddeus",      // 1980
    "than",          // 1981
    "thaney",        // 1982
    "theo",          // 1983
    "theodora",      // 1984
    "theodore",      // 1985
    "theodosia",     // 1986
    "theodosius",    // 1987
    "theophilus",    // 1988
    "theotha",       // 1989
    "theresa",       // 1990
    "thias",         // 1991
    "thirza",        // 1992
    "thom",          // 1993
    "thomas",        // 1994
    "thomasa",       // 1995
    "thursa",        // 1996
    "thys",          // 1997
    "tibbie",        // 1998
    "tick",          // 1999
    "tiff",          // 2000
    "tiffany",       // 2001
    "tiffy",         // 2002
    "tilford",       // 2003
    "tilla",         // 2004
    "tillie",        // 2005
    "tilly",         // 2006
    "tim",           // 2007
    "timmy",         // 2008
    "timothy",       // 2009
    "tina",          // 2010
    "tine",          // 2011
    "tish",          // 2012
    "tisha",         // 2013
    "titia",         // 2014
    "tobias",        // 2015
    "toby",          // 2016
    "tom",           // 2017
    "tommy",         // 2018
    "tony",          // 2019
    "tori",          // 2020
    "torie",         // 2021
    "torri",         // 2022
    "torrie",        // 2023
    "tory",          // 2024
    "traci",         // 2025
    "tracie",        // 2026
    "tracy",         // 2027
    "trannie",       // 2028
    "tranquilla",    // 2029
    "tricia",        // 2030
    "trina",         // 2031
    "trish",         // 2032
    "trisha",        // 2033
    "trix",          // 2034
    "trixie",        // 2035
    "trudy",         // 2036
    "tryphena",      // 2037
    "unice",         // 2038
    "uriah",         // 2039
    "ursula",        // 2040
    "val",           // 2041
    "valentina",     // 2042
    "valentine",     // 2043
    "valeri",        // 2044
    "valerie",       // 2045
    "vallie",        // 2046
    "van",           // 2047
    "vanburen",      // 2048
    "vandalia",      // 2049
    "vanessa",       // 2050
    "vangie",        // 2051
    "vanna",         // 2052
    "vannie",        // 2053
    "veda",          // 2054
    "verna",         // 2055
    "vernisee",      // 2056
    "vernon",        // 2057
    "veronica",      // 2058
    "vert",          // 2059
    "vessie",        // 2060
    "vest",          // 2061
    "vester",        // 2062
    "vet",           // 2063
    "vi",            // 2064
    "vic",           // 2065
    "vicki",         // 2066
    "vickie",        // 2067
    "vicky",         // 2068
    "victor",        // 2069
    "victoria",      // 2070
    "vicy",          // 2071
    "vij",           // 2072
    "vijay",         // 2073
    "vin",           // 2074
    "vina",          // 2075
    "vince",         // 2076
    "vincent",       // 2077
    "vincenzo",      // 2078
    "viney",         // 2079
    "vinnie",        // 2080
    "vinny",         // 2081
    "vinson",        // 2082
    "viola",         // 2083
    "violetta",      // 2084
    "virdie",        // 2085
    "virginia",      // 2086
    "virgy",         // 2087
    "viv",           // 2088
    "vivian",        // 2089
    "von",           // 2090
    "vonna",         // 2091
    "vonnie",        // 2092
    "waldo",         // 2093
    "wallace",       // 2094
    "wally",         // 2095
    "walt",          // 2096
    "walter",        // 2097
    "wash",          // 2098
    "washington",    // 2099
    "webb",          // 2100
    "webster",       // 2101
    "wen",           // 2102
    "wendy",         // 2103
    "wes",           // 2104
    "wesley",        // 2105
    "west",          // 2106
    "westley",       // 2107
    "wil",           // 2108
    "wilber",        // 2109
    "wilbur",        // 2110
    "wilda",         // 2111
    "wilfred",       // 2112
    "wilhelm",       // 2113
    "wilhelmina",    // 2114
    "will",          // 2115
    "william",       // 2116
    "willie",        // 2117
    "willis",        // 2118
    "willy",         // 2119
    "wilma",         // 2120
    "wilson",        // 2121
    "win",           // 2122
    "winfield",      // 2123
    "winifred",      // 2124
    "winnet",        // 2125
    "winnie",        // 2126
    "winnifred",     // 2127
    "winny",         // 2128
    "wint",          // 2129
    "winton",        // 2130
    "wood",          // 2131
    "woodrow",       // 2132
    "woody",         // 2133
    "wyncha",        // 2134
    "yeona",         // 2135
    "yoshi",         // 2136
    "yoshihiko",     // 2137
    "yul",           // 2138
    "yulan",         // 2139
    "yvonne",        // 2140
    "zac",           // 2141
    "zach",          // 2142
    "zachariah",     // 2143
    "zachary",       // 2144
    "zachery",       // 2145
    "zachy",         // 2146
    "zack",          // 2147
    "zada",          // 2148
    "zaddi",         // 2149
    "zadie",         // 2150
    "zadock",        // 2151
    "zak",           // 2152
    "zakk",          // 2153
    "zay",           // 2154
    "zeb",           // 2155
    "zebedee",       // 2156
    "zed",           // 2157
    "zedediah",      // 2158
    "zeely",         // 2159
    "zeke",          // 2160
    "zeph",          // 2161
    "zephaniah",     // 2162
    "zolly",         // 2163
];

/// `CANONICAL[i]`: the index of the formal name that `NAMES[i]` stands for
/// in match keys (`i` itself when it stands for no other name).
pub static CANONICAL: &[u16] = &[
    0,    // aaron -> aaron
    11,   // ab -> abel
    7,    // abbe -> abbigale
    7,    // abbey -> abbigale
    6,    // abbi -> abbigail
    7,    // abbie -> abbigale
    6,    // abbigail -> abbigail
    7,    // abbigale -> abbigale
    13,   // abby -> abigail
    11,   // abe -> abel
    10,   // abednego -> abednego
    11,   // abel -> abel
    12,   // abiel -> abiel
    13,   // abigail -> abigail
    14,   // abigale -> abigale
    15,   // abijah -> abijah
    16,   // abner -> abner
    17,   // abraham -> abraham
    18,   // abram -> abram
    19,   // absalom -> absalom
    21,   // ada -> adaline
    21,   // adaline -> adaline
    23,   // addie -> addison
    23,   // addison -> addison
    23,   // addy -> addison
    490,  // adela -> deliverance
    490,  // adelaide -> deliverance
    27,   // adelbert -> adelbert
    30,   // adele -> adelphia
    74,   // adeline -> aline
    30,   // adelphia -> adelphia
    31,   // adena -> adena
    21,   // adie -> adaline
    31,   // adina -> adena
    36,   // ado -> adolphus
    36,   // adolph -> adolphus
    36,   // adolphus -> adolphus
    111,  // adri -> andriane
    38,   // adrian -> adrian
    39,   // adriane -> adriane
    40,   // adrienne -> adrienne
    42,   // aga -> agatha
    42,   // agatha -> agatha
    42,   // aggy -> agatha
    915,  // agnes -> inez
    854,  // aileen -> helena
    51,   // al -> albert
    79,   // alan -> allan
    48,   // alanson -> alanson
    49,   // alastair -> alastair
    50,   // alazama -> alazama
    51,   // albert -> albert
    52,   // alberta -> alberta
    53,   // aldo -> aldo
    54,   // aldrich -> aldrich
    61,   // alec -> alexander
    57,   // alek -> aleksandr
    57,   // aleksandr -> aleksandr
    949,  // alen -> jalen
    59,   // aleva -> aleva
    61,   // alex -> alexander
    61,   // alexander -> alexander
    62,   // alexandra -> alexandra
    63,   // alexandria -> alexandria
    64,   // alexis -> alexis
    65,   // alfonse -> alfonse
    66,   // alfred -> alfred
    67,   // alfreda -> alfreda
    67,   // alfy -> alfreda
    69,   // algernon -> algernon
    69,   // algy -> algernon
    75,   // ali -> alison
    72,   // alice -> alice
    73,   // alicia -> alicia
    74,   // aline -> aline
    75,   // alison -> alison
    77,   // alix -> alixandra
    77,   // alixandra -> alixandra
    62,   // alla -> alexandra
    79,   // allan -> allan
    79,   // allen -> allan
    72,   // allie -> alice
    82,   // allisandra -> allisandra
    83,   // allison -> allison
    85,   // ally -> allyson
    85,   // allyson -> allyson
    86,   // allyssa -> allyssa
    87,   // almena -> almena
    88,   // almina -> almina
    89,   // almira -> almira
    90,   // alonzo -> alonzo
    91,   // alphinias -> alphinias
    91,   // alphus -> alphinias
    93,   // althea -> althea
    94,   // alverta -> alverta
    95,   // alyssa -> alyssa
    96,   // alzada -> alzada
    1298, // amabel -> mabel
    98,   // amanda -> amanda
    99,   // ambrose -> ambrose
    1618, // amelia -> parmelia
    1496, // amos -> moses
    102,  // amy -> amy
    104,  // ana -> anastasia
    104,  // anastasia -> anastasia
    127,  // ance -> anselm
    106,  // anderson -> anderson
    109,  // andi -> andrea
    108,  // andre -> andre
    109,  // andrea -> andrea
    110,  // andrew -> andrew
    111,  // andriane -> andriane
    110,  // andy -> andrew
    114,  // angel -> angela
    114,  // angela -> angela
    115,  // angelica -> angelica
    115,  // angelika -> angelica
    117,  // angelina -> angelina
    115,  // angelique -> angelica
    114,  // angie -> angela
    120,  // ann -> ann
    121,  // anna -> anna
    122,  // anne -> anne
    123,  // annette -> annette
    1179, // annie -> leanne
    127,  // anse -> anselm
    127,  // ansel -> anselm
    127,  // anselm -> anselm
    132,  // ant -> antonio
    129,  // anthony -> anthony
    130,  // antoinette -> antoinette
    131,  // antonia -> antonia
    132,  // antonio -> antonio
    19,   // app -> absalom
    135,  // appie -> appoline
    135,  // appoline -> appoline
    135,  // appy -> appoline
    137,  // aquilla -> aquilla
    140,  // ara -> arabelle
    1772, // arabella -> rosabella
    140,  // arabelle -> arabelle
    141,  // araminta -> araminta
    142,  // archibald -> archibald
    142,  // archie -> archibald
    144,  // archilles -> archilles
    146,  // ari -> ariadne
    146,  // ariadne -> ariadne
    146,  // arie -> ariadne
    148,  // arielle -> arielle
    444,  // arilla -> cynthia
    150,  // aristotle -> aristotle
    151,  // arizona -> arizona
    152,  // arlene -> arlene
    152,  // arly -> arlene
    154,  // armanda -> armanda
    155,  // armena -> armena
    141,  // armida -> araminta
    157,  // armilda -> armilda
    158,  // arminda -> arminda
    159,  // arminta -> arminta
    161,  // arnie -> arnold
    161,  // arnold -> arnold
    162,  // aron -> aron
    155,  // arry -> armena
    167,  // art -> arthur
    165,  // artelepsa -> artelepsa
    166,  // artemus -> artemus
    167,  // arthur -> arthur
    168,  // arthusa -> arthusa
    169,  // arzada -> arzada
    172,  // asa -> asaph
    171,  // asahel -> asahel
    172,  // asaph -> asaph
    173,  // asenath -> asenath
    175,  // ash -> ashley
    175,  // ashley -> ashley
    175,  // ashly -> ashley
    173,  // assene -> asenath
    603,  // athy -> eighta
    179,  // aubrey -> aubrey
    181,  // audree -> audrey
    181,  // audrey -> audrey
    186,  // august -> augustus
    183,  // augusta -> augusta
    184,  // augustina -> augustina
    185,  // augustine -> augustine
    186,  // augustus -> augustus
    187,  // aurelia -> aurelia
    187,  // aurilla -> aurelia
    185,  // austin -> augustine
    190,  // avarilla -> avarilla
    191,  // azariah -> azariah
    191,  // aze -> azariah
    195,  // bab -> barbara
    195,  // babs -> barbara
    195,  // barbara -> barbara
    196,  // barbery -> barbery
    195,  // barbie -> barbara
    195,  // barby -> barbara
    229,  // barnabas -> bernard
    229,  // barney -> bernard
    772,  // barrett -> garrett
    205,  // bart -> barticus
    205,  // bartel -> barticus
    205,  // bartholomew -> barticus
    205,  // barticus -> barticus
    208,  // basil -> bazaleel
    205,  // bat -> barticus
    208,  // bazaleel -> bazaleel
    257,  // bea -> blanche
    257,  // beatrice -> blanche
    1707, // becca -> rebecca
    1707, // beck -> rebecca
    1707, // becky -> rebecca
    1583, // beda -> obedience
    215,  // bedelia -> bedelia
    10,   // bedney -> abednego
    1583, // beedy -> obedience
    2116, // bela -> william
    219,  // belinda -> belinda
    923,  // bell -> isabel
    1772, // bella -> rosabella
    219,  // belle -> belinda
    225,  // ben -> benjamin
    224,  // benedict -> benedict
    225,  // benjamin -> benjamin
    225,  // benjy -> benjamin
    224,  // bennie -> benedict
    225,  // benny -> benjamin
    229,  // bernard -> bernard
    229,  // berney -> bernard
    229,  // bernie -> bernard
    229,  // berny -> bernard
    814,  // berry -> greenberry
    51,   // bert -> albert
    235,  // bertha -> bertha
    235,  // bertie -> bertha
    237,  // bertram -> bertram
    238,  // bertrand -> bertrand
    622,  // bess -> elizabeth
    622,  // bessie -> elizabeth
    622,  // beth -> elizabeth
    242,  // bethena -> bethena
    622,  // betsy -> elizabeth
    622,  // betty -> elizabeth
    246,  // bev -> beverly
    246,  // beverly -> beverly
    247,  // bezaleel -> bezaleel
    2015, // bias -> tobias
    276,  // biddie -> bridget
    276,  // biddy -> bridget
    15,   // bige -> abijah
    2116, // bill -> william
    1355, // billiewilhelm -> marietta
    2116, // billy -> william
    235,  // birdie -> bertha
    1749, // birtie -> roberta
    257,  // blanche -> blanche
    262,  // bo -> boetius
    1748, // bob -> robert
    1749, // bobbie -> roberta
    1748, // bobby -> robert
    262,  // boetius -> boetius
    265,  // brad -> bradley
    265,  // bradford -> bradley
    265,  // bradley -> bradley
    285,  // brady -> broderick
    271,  // brandy -> brenda
    268,  // breanna -> breanna
    270,  // bree -> breeanna
    270,  // breeanna -> breeanna
    271,  // brenda -> brenda
    268,  // bri -> breanna
    273,  // brian -> brian
    289,  // briana -> bryanna
    289,  // brianna -> bryanna
    276,  // bridget -> bridget
    276,  // bridgie -> bridget
    215,  // bridgit -> bedelia
    276,  // bridie -> bridget
    1806, // brina -> sabrina
    282,  // britt -> brittany
    282,  // brittany -> brittany
    283,  // brittney -> brittney
    283,  // brittnie -> brittney
    285,  // broderick -> broderick
    285,  // brody -> broderick
    99,   // brose -> ambrose
    273,  // bryan -> brian
    289,  // bryanna -> bryanna
    273,  // bryant -> brian
    2048, // buren -> vanburen
    602,  // burt -> egbert
    1433, // cage -> micajah
    295,  // cait -> caitlin
    295,  // caitlin -> caitlin
    296,  // caitlyn -> caitlyn
    296,  // caity -> caitlyn
    300,  // cal -> caleb
    299,  // caldonia -> caldonia
    300,  // caleb -> caleb
    1078, // cali -> kalli
    302,  // california -> california
    303,  // calista -> calista
    302,  // callie -> california
    299,  // calliedona -> caldonia
    307,  // cally -> calpurnia
    307,  // calpurnia -> calpurnia
    308,  // calvin -> calvin
    310,  // cam -> cameron
    310,  // cameron -> cameron
    311,  // camile -> camile
    312,  // camille -> camille
    311,  // cammie -> camile
    314,  // campbell -> campbell
    315,  // candace -> candace
    315,  // candy -> candace
    320,  // carl -> carlton
    1083, // carla -> karla
    319,  // carlotta -> carlotta
    320,  // carlton -> carlton
    1083, // carly -> karla
    325,  // carm -> carmon
    323,  // carmellia -> carmellia
    324,  // carmelo -> carmelo
    325,  // carmon -> carmon
    326,  // carol -> carol
    326,  // carolann -> carol
    326,  // carole -> carol
    326,  // caroline -> carol
    330,  // carolyn -> carolyn
    326,  // carri -> carol
    330,  // carrie -> carolyn
    333,  // carthaette -> carthaette
    1089, // casey -> katherine
    960,  // casper -> jasper
    338,  // cass -> cassidy
    1822, // cassandra -> sandra
    338,  // cassidy -> cassidy
    338,  // cassie -> cassidy
    340,  // caswell -> caswell
    1089, // catherine -> katherine
    1089, // cathleen -> katherine
    1089, // cathy -> katherine
    1854, // cecilia -> sheila
    346,  // ced -> cedric
    346,  // cedric -> cedric
    347,  // celeste -> celeste
    347,  // celia -> celeste
    349,  // celinda -> celinda
    446,  // cene -> cyrenius
    1157, // cenia -> laodicia
    360,  // chan -> chauncey
    355,  // char -> charles
    354,  // charity -> charity
    355,  // charles -> charles
    355,  // charlie -> charles
    355,  // charlotte -> charles
    325,  // charm -> carmon
    354,  // chat -> charity
    360,  // chauncey -> chauncey
    1436, // chelle -> michelle
    362,  // chelsey -> chelsey
    362,  // chelsie -> chelsey
    367,  // cher -> cheryl
    1868, // cheri -> sheryl
    1868, // cherie -> sheryl
    367,  // cheryl -> cheryl
    368,  // chesley -> chesley
    368,  // chester -> chesley
    368,  // chet -> chesley
    355,  // chick -> charles
    372,  // chloe -> chloe
    383,  // chris -> christopher
    380,  // chrissy -> christine
    375,  // christa -> christa
    376,  // christian -> christian
    377,  // christiana -> christiana
    378,  // christiano -> christiano
    379,  // christina -> christina
    380,  // christine -> christine
    381,  // christoffer -> christoffer
    382,  // christoph -> christoph
    383,  // christopher -> christopher
    380,  // christy -> christine
    355,  // chuck -> charles
    386,  // cicely -> cicely
    386,  // cilla -> cicely
    1281, // cille -> lucille
    444,  // cinderella -> cynthia
    444,  // cindy -> cynthia
    444,  // cintha -> cynthia
    738,  // cissy -> frances
    1546, // claas -> nicholas
    1546, // claes -> nicholas
    396,  // clair -> claire
    396,  // claire -> claire
    400,  // clara -> clarinda
    396,  // clare -> claire
    399,  // clarence -> clarence
    400,  // clarinda -> clarinda
    400,  // clarissa -> clarinda
    403,  // claud -> claudia
    403,  // claudia -> claudia
    405,  // cleat -> cleatus
    405,  // cleatus -> cleatus
    408,  // clem -> clementine
    408,  // clement -> clementine
    408,  // clementine -> clementine
    411,  // cliff -> clifton
    411,  // clifford -> clifton
    411,  // clifton -> clifton
    372,  // clo -> chloe
    417,  // clum -> columbus
    432,  // coco -> cory
    1548, // cole -> nicholette
    1548, // colie -> nicholette
    417,  // columbus -> columbus
    421,  // con -> conrad
    422,  // connie -> constance
    421,  // conny -> conrad
    421,  // conrad -> conrad
    422,  // constance -> constance
    427,  // cora -> corinne
    215,  // cordelia -> bedelia
    432,  // cordy -> cory
    426,  // corey -> corey
    427,  // corinne -> corinne
    428,  // cornelia -> cornelia
    429,  // cornelius -> cornelius
    428,  // cornie -> cornelia
    428,  // corny -> cornelia
    432,  // cory -> cory
    434,  // court -> courtney
    434,  // courtney -> courtney
    1894, // crate -> socrates
    1285, // creasey -> lucretia
    380,  // crissy -> christine
    439,  // crys -> crystal
    439,  // crystal -> crystal
    1180, // curg -> lecurgus
    442,  // curt -> curtis
    442,  // curtis -> curtis
    447,  // cy -> cyrus
    444,  // cynthia -> cynthia
    1598, // cyphorus -> onicyphorous
    446,  // cyrenius -> cyrenius
    447,  // cyrus -> cyrus
    315,  // dacey -> candace
    471,  // dacia -> daycia
    454,  // dahl -> dalton
    471,  // daisha -> daycia
    1343, // daisy -> margarita
    454,  // dal -> dalton
    454,  // dalton -> dalton
    457,  // dan -> daniel
    458,  // dani -> danielle
    457,  // daniel -> daniel
    458,  // danielle -> danielle
    457,  // dann -> daniel
    457,  // danny -> daniel
    463,  // daph -> daphne
    463,  // daphie -> daphne
    463,  // daphne -> daphne
    551,  // darkey -> dorcus
    465,  // darlene -> darlene
    465,  // darry -> darlene
    469,  // dave -> david
    469,  // davey -> david
    469,  // david -> david
    469,  // day -> david
    471,  // daycia -> daycia
    499,  // dea -> demaris
    473,  // deanne -> deanne
    478,  // deb -> deborah
    478,  // debbie -> deborah
    478,  // debby -> deborah
    477,  // debora -> debora
    478,  // deborah -> deborah
    478,  // debra -> deborah
    473,  // dee -> deanne
    483,  // deedee -> deidre
    31,   // deena -> adena
    483,  // deidre -> deidre
    498,  // del -> delphine
    27,   // delbert -> adelbert
    498,  // delf -> delphine
    215,  // delia -> bedelia
    490,  // delilah -> deliverance
    215,  // delius -> bedelia
    490,  // deliverance -> deliverance
    494,  // dell -> delores
    490,  // della -> deliverance
    490,  // delly -> deliverance
    494,  // delores -> delores
    495,  // delpha -> delpha
    498,  // delphi -> delphine
    30,   // delphia -> adelphia
    498,  // delphine -> delphine
    499,  // demaris -> demaris
    500,  // demerias -> demerias
    501,  // democrates -> democrates
    31,   // dena -> adena
    505,  // dennie -> dennison
    505,  // dennis -> dennison
    505,  // dennison -> dennison
    505,  // denny -> dennison
    507,  // derek -> derek
    755,  // derick -> frederick
    507,  // derrek -> derek
    510,  // derrick -> derrick
    511,  // deuteronomy -> deuteronomy
    515,  // di -> diana
    1580, // diah -> obadiah
    516,  // dian -> diane
    515,  // diana -> diana
    516,  // diane -> diane
    516,  // dianne -> diane
    516,  // dicey -> diane
    516,  // dicie -> diane
    1732, // dick -> richard
    1732, // dickie -> richard
    1732, // dickon -> richard
    523,  // dickson -> dickson
    1732, // dicky -> richard
    1157, // dicy -> laodicia
    515,  // didi -> diana
    490,  // dilly -> deliverance
    31,   // dina -> adena
    651,  // dite -> epaphroditius
    651,  // ditus -> epaphroditius
    1748, // dob -> robert
    1748, // dobbin -> robert
    552,  // doda -> dorinda
    555,  // dolly -> dorothy
    1796, // dolph -> rudolph
    537,  // dom -> domenic
    537,  // domenic -> domenic
    538,  // dominic -> dominic
    539,  // dominick -> dominick
    540,  // dominico -> dominico
    543,  // don -> donald
    545,  // dona -> donna
    543,  // donald -> donald
    544,  // donato -> donato
    545,  // donna -> donna
    548,  // donnie -> donovan
    543,  // donny -> donald
    548,  // donovan -> donovan
    543,  // dony -> donald
    552,  // dora -> dorinda
    551,  // dorcus -> dorcus
    552,  // dorinda -> dorinda
    553,  // doris -> doris
    552,  // dorothea -> dorinda
    555,  // dorothy -> dorothy
    555,  // dortha -> dorothy
    1986, // dosia -> theodosia
    680,  // dosie -> eudoris
    680,  // dossie -> eudoris
    555,  // dot -> dorothy
    561,  // dotha -> dotha
    555,  // dottie -> dorothy
    555,  // dotty -> dorothy
    565,  // doug -> douglas
    565,  // douglas -> douglas
    1898, // dre -> sondra
    109,  // drea -> andrea
    110,  // drew -> andrew
    63,   // drina -> alexandria
    570,  // drusilla -> drusilla
    571,  // duncan -> duncan
    571,  // dunk -> duncan
    864,  // dutch -> herman
    511,  // duty -> deuteronomy
    651,  // dyce -> epaphroditius
    651,  // dyche -> epaphroditius
    973,  // dyer -> jedediah
    578,  // earnest -> earnest
    582,  // eb -> ebenezer
    582,  // ebbie -> ebenezer
    582,  // eben -> ebenezer
    582,  // ebenezer -> ebenezer
    594,  // ed -> edward
    594,  // eddie -> edward
    589,  // eddy -> edmond
    586,  // edgar -> edgar
    588,  // edie -> edith
    588,  // edith -> edith
    589,  // edmond -> edmond
    590,  // edmund -> edmund
    591,  // edna -> edna
    591,  // edny -> edna
    593,  // eduardo -> eduardo
    594,  // edward -> edward
    596,  // edwin -> edwina
    596,  // edwina -> edwina
    599,  // edye -> edythe
    598,  // edyth -> edyth
    599,  // edythe -> edythe
    683,  // effie -> euphemia
    683,  // effy -> euphemia
    602,  // egbert -> egbert
    603,  // eighta -> eighta
    854,  // eileen -> helena
    1287, // el -> luella
    854,  // elaine -> helena
    608,  // elbert -> elbertson
    608,  // elbertson -> elbertson
    609,  // eldora -> eldora
    610,  // eleanor -> eleanor
    611,  // eleazer -> eleazer
    612,  // elena -> elena
    1197, // elenor -> leonore
    615,  // eli -> elias
    615,  // elias -> elias
    616,  // elijah -> elijah
    617,  // eliphalel -> eliphalel
    618,  // eliphalet -> eliphalet
    619,  // elisa -> elisa
    620,  // elisha -> elisha
    622,  // eliza -> elizabeth
    622,  // elizabeth -> elizabeth
    1287, // ella -> luella
    624,  // ellen -> ellen
    625,  // ellender -> ellender
    610,  // ellie -> eleanor
    627,  // ellswood -> ellswood
    630,  // elly -> elmira
    629,  // elminie -> elminie
    630,  // elmira -> elmira
    631,  // elnora -> elnora
    856,  // eloise -> heloise
    856,  // elouise -> heloise
    641,  // elsey -> elze
    73,   // elsie -> alicia
    636,  // elswood -> elswood
    638,  // elvie -> elvira
    638,  // elvira -> elvira
    639,  // elwood -> elwood
    640,  // elysia -> elysia
    641,  // elze -> elze
    645,  // em -> emil
    1336, // emanuel -> manuel
    644,  // emeline -> emeline
    645,  // emil -> emil
    646,  // emily -> emily
    644,  // emma -> emeline
    910,  // emmanuel -> immanuel
    644,  // emmy -> emeline
    40,   // enne -> adrienne
    651,  // epaphroditius -> epaphroditius
    653,  // eph -> ephraim
    653,  // ephraim -> ephraim
    651,  // eppa -> epaphroditius
    165,  // epsey -> artelepsa
    656,  // erasmus -> erasmus
    657,  // eric -> eric
    754,  // erica -> frederica
    1754, // erick -> roderick
    756,  // ericka -> fredericka
    754,  // erika -> frederica
    162,  // erin -> aron
    578,  // erna -> earnest
    578,  // ernest -> earnest
    578,  // ernestine -> earnest
    578,  // ernie -> earnest
    921,  // erwin -> irwin
    673,  // es -> estella
    669,  // eseneth -> eseneth
    2050, // essa -> vanessa
    675,  // essie -> esther
    673,  // essy -> estella
    673,  // estella -> estella
    674,  // estelle -> estelle
    675,  // esther -> esther
    1262, // etta -> loretta
    858,  // etty -> henrietta
    678,  // eudicy -> eudicy
    679,  // eudora -> eudora
    680,  // eudoris -> eudoris
    681,  // eugene -> eugene
    2038, // eunice -> unice
    683,  // euphemia -> euphemia
    684,  // eurydice -> eurydice
    685,  // eustacia -> eustacia
    693,  // ev -> evelyn
    688,  // eva -> evaline
    688,  // evaline -> evaline
    690,  // evan -> evangeline
    690,  // evangeline -> evangeline
    693,  // eve -> evelyn
    693,  // evelina -> evelyn
    693,  // evelyn -> evelyn
    695,  // exie -> experience
    695,  // experience -> experience
    699,  // ez -> ezra
    697,  // ezekiel -> ezekiel
    698,  // ezideen -> ezideen
    699,  // ezra -> ezra
    700,  // faith -> faith
    705,  // fal -> fallon
    705,  // falcon -> fallon
    705,  // fall -> fallon
    705,  // fallie -> fallon
    705,  // fallon -> fallon
    705,  // fally -> fallon
    705,  // falon -> fallon
    738,  // fanny -> frances
    2107, // farmboy -> westley
    1148, // fate -> lafayette
    700,  // fay -> faith
    714,  // fel -> felicia
    714,  // feli -> felicia
    714,  // felicia -> felicia
    715,  // felicity -> felicity
    714,  // felix -> felicia
    717,  // feltie -> feltie
    717,  // felty -> feltie
    1656, // ferbie -> pheriba
    721,  // ferdie -> ferdinand
    721,  // ferdinand -> ferdinand
    722,  // ferdinando -> ferdinando
    215,  // fidelia -> bedelia
    1659, // fie -> philander
    2123, // field -> winfield
    1663, // fifi -> philipina
    1653, // fina -> pheney
    729,  // fiona -> fionna
    729,  // fionna -> fionna
    715,  // flick -> felicity
    733,  // flo -> florence
    733,  // flora -> florence
    733,  // florence -> florence
    733,  // flossy -> florence
    735,  // floyd -> floyd
    265,  // ford -> bradley
    738,  // fran -> frances
    738,  // frances -> frances
    738,  // francie -> frances
    738,  // francine -> frances
    738,  // francis -> frances
    742,  // frank -> frank
    738,  // frankie -> frances
    744,  // franklin -> franklin
    745,  // franklind -> franklind
    2058, // franky -> veronica
    738,  // frannie -> frances
    738,  // franniey -> frances
    738,  // franny -> frances
    755,  // fred -> frederick
    756,  // freda -> fredericka
    755,  // freddie -> frederick
    755,  // freddy -> frederick
    754,  // frederica -> frederica
    755,  // frederick -> frederick
    756,  // fredericka -> fredericka
    756,  // frieda -> fredericka
    755,  // fritz -> frederick
    1903, // frona -> sophronia
    1903, // fronia -> sophronia
    2058, // frony -> veronica
    764,  // gabby -> gabriel
    764,  // gabe -> gabriel
    764,  // gabriel -> gabriel
    765,  // gabriella -> gabriella
    766,  // gabrielle -> gabrielle
    13,   // gail -> abigail
    769,  // gare -> gareth
    769,  // gareth -> gareth
    772,  // garratt -> garrett
    772,  // garret -> garrett
    772,  // garrett -> garrett
    774,  // garri -> garrick
    774,  // garrick -> garrick
    772,  // garry -> garrett
    776,  // gary -> gary
    183,  // gatsy -> augusta
    791,  // gay -> gerhardt
    981,  // gee -> jehu
    681,  // gene -> eugene
    781,  // genevieve -> genevieve
    783,  // geoff -> geoffrey
    783,  // geoffrey -> geoffrey
    788,  // george -> georgine
    786,  // georgia -> georgiana
    786,  // georgiana -> georgiana
    788,  // georgie -> georgine
    788,  // georgine -> georgine
    789,  // gerald -> gerald
    789,  // geraldine -> gerald
    791,  // gerhardt -> gerhardt
    789,  // geri -> gerald
    789,  // gerri -> gerald
    789,  // gerrie -> gerald
    789,  // gerry -> gerald
    798,  // gert -> gertrude
    798,  // gertie -> gertrude
    798,  // gertrude -> gertrude
    800,  // gil -> gilbert
    800,  // gilbert -> gilbert
    1711, // gina -> regina
    2086, // ginger -> virginia
    2086, // ginny -> virginia
    805,  // gio -> giovanni
    805,  // giovanni -> giovanni
    807,  // glen -> glenn
    807,  // glenn -> glenn
    808,  // gloria -> gloria
    808,  // glory -> gloria
    818,  // gory -> gregory
    811,  // governor -> governor
    811,  // govie -> governor
    814,  // green -> greenberry
    814,  // greenberry -> greenberry
    818,  // greg -> gregory
    817,  // gregg -> greggory
    817,  // greggory -> greggory
    818,  // gregory -> gregory
    1343, // greta -> margarita
    820,  // gretchen -> gretchen
    1341, // gretta -> margaret
    822,  // griselda -> griselda
    822,  // grissel -> griselda
    1489, // gum -> montgomery
    827,  // gus -> gustavus
    827,  // gussie -> gustavus
    827,  // gustavus -> gustavus
    829,  // gwen -> gwendolyn
    829,  // gwendolyn -> gwendolyn
    830,  // hailey -> hailey
    897,  // hal -> howard
    1318, // hallie -> mahala
    834,  // ham -> hamilton
    834,  // hamilton -> hamilton
    859,  // hank -> henry
    1021, // hannah -> johannah
    842,  // hap -> harrison
    842,  // haps -> harrison
    864,  // harman -> herman
    859,  // harold -> henry
    841,  // harriet -> harriet
    842,  // harrison -> harrison
    859,  // harry -> henry
    893,  // harty -> hortense
    845,  // haseltine -> haseltine
    845,  // hassie -> haseltine
    841,  // hattie -> harriet
    850,  // haylee -> hayley
    949,  // haylen -> jalen
    850,  // hayley -> hayley
    851,  // heather -> heather
    490,  // heidi -> deliverance
    853,  // helen -> helen
    854,  // helena -> helena
    855,  // helene -> helene
    856,  // heloise -> heloise
    858,  // henny -> henrietta
    858,  // henrietta -> henrietta
    859,  // henry -> henry
    860,  // hephsibah -> hephsibah
    861,  // hepsibah -> hepsibah
    863,  // herb -> herbert
    863,  // herbert -> herbert
    864,  // herman -> herman
    866,  // hermie -> hermione
    866,  // hermione -> hermione
    675,  // hessy -> esther
    675,  // hester -> esther
    851,  // hetty -> heather
    871,  // hez -> hezekiah
    871,  // hezekiah -> hezekiah
    980,  // hiel -> jehiel
    874,  // hilary -> hillary
    874,  // hillary -> hillary
    875,  // hipsbibah -> hipsbibah
    875,  // hipsie -> hipsbibah
    877,  // hiram -> hiram
    1298, // hitty -> mabel
    1748, // hob -> robert
    1748, // hobkin -> robert
    945,  // hoda -> jahoda
    1759, // hodge -> roger
    945,  // hodie -> jahoda
    945,  // hody -> jahoda
    887,  // honey -> honora
    1197, // honor -> leonore
    887,  // honora -> honora
    889,  // hop -> hopkins
    889,  // hopkins -> hopkins
    889,  // hopp -> hopkins
    891,  // horace -> horace
    891,  // horry -> horace
    893,  // hortense -> hortense
    894,  // hosea -> hosea
    894,  // hosey -> hosea
    894,  // hosie -> hosea
    897,  // howard -> howard
    897,  // howie -> howard
    900,  // hub -> hubert
    900,  // hubert -> hubert
    900,  // hugh -> hubert
    1676, // humey -> posthuma
    877,  // hy -> hiram
    904,  // ian -> ian
    923,  // ib -> isabel
    907,  // iggy -> ignatius
    907,  // ignatius -> ignatius
    908,  // ignatzio -> ignatzio
    922,  // ike -> isaac
    910,  // immanuel -> immanuel
    1169, // ina -> lavina
    912,  // india -> india
    912,  // indie -> india
    912,  // indy -> india
    915,  // inez -> inez
    916,  // iona -> iona
    917,  // irene -> irene
    919,  // irv -> irvin
    919,  // irvin -> irvin
    919,  // irving -> irvin
    921,  // irwin -> irwin
    922,  // isaac -> isaac
    923,  // isabel -> isabel
    1772, // isabella -> rosabella
    925,  // isabelle -> isabelle
    926,  // isadora -> isadora
    927,  // isadore -> isadore
    928,  // isaiah -> isaiah
    929,  // isidore -> isidore
    923,  // issy -> isabel
    931,  // iva -> iva
    932,  // ivan -> ivan
    931,  // ivy -> iva
    927,  // izzy -> isadore
    939,  // jaap -> jacob
    1023, // jack -> john
    941,  // jackie -> jacqueline
    938,  // jackson -> jackson
    939,  // jacob -> jacob
    940,  // jacobus -> jacobus
    941,  // jacqueline -> jacqueline
    941,  // jacqui -> jacqueline
    949,  // jaelin -> jalen
    949,  // jaelyn -> jalen
    945,  // jahoda -> jahoda
    949,  // jailyn -> jalen
    939,  // jake -> jacob
    948,  // jakob -> jakob
    949,  // jalen -> jalen
    950,  // james -> james
    951,  // jamey -> jamey
    950,  // jamie -> james
    956,  // jan -> janice
    954,  // jane -> jane
    967,  // janet -> jeanette
    956,  // janice -> janice
    954,  // janie -> jane
    958,  // jannett -> jannett
    960,  // jap -> jasper
    960,  // jasper -> jasper
    961,  // jay -> jay
    949,  // jaye -> jalen
    949,  // jaylin -> jalen
    949,  // jaylyn -> jalen
    965,  // jayme -> jayme
    966,  // jean -> jean
    967,  // jeanette -> jeanette
    968,  // jeanne -> jeanne
    968,  // jeannie -> jeanne
    971,  // jeb -> jebadiah
    971,  // jebadiah -> jebadiah
    973,  // jed -> jedediah
    973,  // jedediah -> jedediah
    974,  // jedidiah -> jedidiah
    979,  // jeff -> jeffrey
    976,  // jefferey -> jefferey
    977,  // jefferson -> jefferson
    978,  // jeffery -> jeffery
    979,  // jeffrey -> jeffrey
    980,  // jehiel -> jehiel
    981,  // jehu -> jehu
    950,  // jem -> james
    983,  // jemima -> jemima
    989,  // jen -> jennifer
    986,  // jenn -> jennet
    986,  // jennet -> jennet
    989,  // jenni -> jennifer
    989,  // jennie -> jennifer
    989,  // jennifer -> jennifer
    989,  // jenny -> jennifer
    992,  // jereme -> jeremiah
    992,  // jeremiah -> jeremiah
    993,  // jeremy -> jeremy
    994,  // jerita -> jerita
    789,  // jerry -> gerald
    997,  // jess -> jessica
    997,  // jessica -> jessica
    997,  // jessie -> jessica
    1036, // jettie -> josetta
    993,  // jez -> jeremy
    993,  // jezza -> jeremy
    1003, // jill -> jillian
    1003, // jillian -> jillian
    950,  // jim -> james
    950,  // jimmie -> james
    950,  // jimmy -> james
    1007, // jincy -> jincy
    1008, // jinsy -> jinsy
    1011, // jo -> joann
    1010, // joan -> joan
    1011, // joann -> joann
    1012, // joanna -> joanna
    1013, // joanne -> joanne
    1023, // jock -> john
    1012, // jodi -> joanna
    1012, // jody -> joanna
    1034, // joe -> joseph
    1034, // joey -> joseph
    1019, // johann -> johann
    1020, // johanna -> johanna
    1021, // johannah -> johannah
    1022, // johannes -> johannes
    1023, // john -> john
    1022, // johnathan -> johannes
    1022, // johnathon -> johannes
    1023, // johnny -> john
    1022, // johny -> johannes
    1023, // jon -> john
    1022, // jonathan -> johannes
    1022, // jonathon -> johannes
    1022, // jonnie -> johannes
    1023, // jonny -> john
    1034, // jos -> joseph
    1034, // joseph -> joseph
    1653, // josephine -> pheney
    1036, // josetta -> josetta
    1653, // josey -> pheney
    1039, // josh -> joshua
    1039, // joshua -> joshua
    1040, // josiah -> josiah
    1653, // josie -> pheney
    1653, // josophine -> pheney
    1044, // joy -> joyce
    1044, // joyce -> joyce
    1065, // jr -> junior
    1046, // juanita -> juanita
    1055, // jud -> judson
    1054, // juda -> judith
    1049, // judah -> judah
    1049, // jude -> judah
    1049, // juder -> judah
    1054, // judi -> judith
    1054, // judie -> judith
    1054, // judith -> judith
    1055, // judson -> judson
    1054, // judy -> judith
    1060, // jule -> julian
    1061, // jules -> julias
    1062, // julia -> julie
    1060, // julian -> julian
    1061, // julias -> julias
    1062, // julie -> julie
    1065, // june -> junior
    1065, // junie -> junior
    1065, // junior -> junior
    1065, // junius -> junior
    1067, // justin -> justin
    1067, // justina -> justin
    1067, // juston -> justin
    1067, // justus -> justin
    1084, // k.c. -> kasey
    1074, // kait -> kaitlin
    1074, // kaitie -> kaitlin
    1074, // kaitlin -> kaitlin
    1075, // kaitlyn -> kaitlyn
    1076, // kaitlynn -> kaitlynn
    1078, // kali -> kalli
    1078, // kalli -> kalli
    1080, // kam -> kameron
    1080, // kameron -> kameron
    326,  // kara -> carol
    326,  // kari -> carol
    1083, // karla -> karla
    1084, // kasey -> kasey
    1085, // katarina -> katarina
    1089, // kate -> katherine
    1087, // katelin -> katelin
    1088, // katelyn -> katelyn
    1089, // katherine -> katherine
    1090, // kathleen -> kathleen
    1089, // kathryn -> katherine
    1089, // kathy -> katherine
    1093, // katia -> katia
    1089, // katie -> katherine
    1090, // katy -> kathleen
    1088, // kay -> katelyn
    1087, // kaye -> katelin
    1320, // kayla -> makayla
    1099, // kelley -> kelley
    1099, // kelli -> kelley
    1099, // kellie -> kelley
    1099, // kelly -> kelley
    1111, // ken -> kenneth
    1104, // kendall -> kendall
    1105, // kendra -> kendra
    1113, // kendrick -> kent
    1107, // kendrik -> kendrik
    1105, // kenj -> kendra
    1105, // kenji -> kendra
    1399, // kenna -> mckenna
    1111, // kenneth -> kenneth
    1111, // kenny -> kenneth
    1113, // kent -> kent
    1301, // kenzy -> mackenzie
    1116, // kerri -> kerry
    1116, // kerry -> kerry
    1118, // kev -> kevin
    1118, // kevin -> kevin
    1119, // keziah -> keziah
    871,  // kiah -> hezekiah
    144,  // kill -> archilles
    144,  // killis -> archilles
    1126, // kim -> kimberly
    1126, // kimberley -> kimberly
    1126, // kimberli -> kimberly
    1126, // kimberly -> kimberly
    1128, // king -> kingsley
    1128, // kingsley -> kingsley
    1129, // kingston -> kingston
    303,  // kissy -> calista
    383,  // kit -> christopher
    1090, // kittie -> kathleen
    1119, // kizza -> keziah
    1119, // kizzie -> keziah
    1136, // kris -> kristel
    1136, // kristel -> kristel
    1137, // kristen -> kristen
    1138, // kristin -> kristin
    1139, // kristine -> kristine
    1140, // kristofer -> kristofer
    1141, // kristoffer -> kristoffer
    1142, // kristopher -> kristopher
    1139, // kristy -> kristine
    1145, // kym -> kymberly
    1145, // kymberly -> kymberly
    1243, // l.b. -> littleberry
    1198, // l.r. -> leroy
    1148, // lafayette -> lafayette
    1148, // laffie -> lafayette
    854,  // lainie -> helena
    1489, // lamont -> montgomery
    2139, // lan -> yulan
    1184, // lani -> leilani
    610,  // lanna -> eleanor
    1760, // lanny -> roland
    48,   // lanson -> alanson
    1157, // laodicia -> laodicia
    1173, // larry -> lawrence
    1159, // latisha -> latisha
    1160, // laura -> laura
    1161, // laurel -> laurel
    1162, // lauren -> lauren
    1173, // laurence -> lawrence
    1161, // laurie -> laurel
    1165, // laurinda -> laurinda
    1166, // lauryn -> lauryn
    1167, // laveda -> laveda
    1168, // laverne -> laverne
    1169, // lavina -> lavina
    1170, // lavinia -> lavinia
    1171, // lavonia -> lavonia
    1172, // lavonne -> lavonne
    1173, // lawrence -> lawrence
    1173, // lawrie -> lawrence
    611,  // lazar -> eleazer
    1179, // lea -> leanne
    1713, // leafa -> relief
    175,  // leah -> ashley
    1179, // leanne -> leanne
    1180, // lecurgus -> lecurgus
    1181, // lee -> lee
    1660, // leet -> philetus
    618,  // left -> eliphalet
    1184, // leilani -> leilani
    1186, // lem -> lemuel
    1186, // lemuel -> lemuel
    1194, // len -> leonard
    854,  // lena -> helena
    949,  // lennie -> jalen
    1194, // lenny -> leonard
    610,  // lenora -> eleanor
    1192, // leo -> leo
    1194, // leon -> leonard
    1194, // leonard -> leonard
    1195, // leonidas -> leonidas
    1196, // leonora -> leonora
    1197, // leonore -> leonore
    1198, // leroy -> leroy
    1200, // les -> lesley
    1200, // lesley -> lesley
    1201, // leslie -> leslie
    347,  // lessie -> celeste
    1203, // lester -> lester
    1204, // letitia -> letitia
    1204, // lettice -> letitia
    1204, // lettie -> letitia
    59,   // leve -> aleva
    1208, // levi -> levi
    1209, // levicy -> levicy
    1210, // levone -> levone
    59,   // levy -> aleva
    1274, // lewis -> louisa
    64,   // lexi -> alexis
    615,  // lias -> elias
    622,  // lib -> elizabeth
    622,  // libby -> elizabeth
    1217, // lidia -> lidia
    617,  // life -> eliphalel
    616,  // lige -> elijah
    1223, // lil -> lillah
    490,  // lila -> deliverance
    1882, // liley -> silence
    1223, // lillah -> lillah
    1224, // lillian -> lillian
    1223, // lilly -> lillah
    1223, // lily -> lillah
    1632, // lina -> paulina
    1228, // lincoln -> lincoln
    1229, // linda -> linda
    1230, // lindsay -> lindsay
    1230, // lindsey -> lindsay
    1230, // lindsie -> lindsay
    1230, // lindsy -> lindsay
    1296, // lindy -> lyndon
    1194, // lineau -> leonard
    1228, // link -> lincoln
    1237, // lionel -> lionel
    1238, // lisa -> lisa
    620,  // lish -> elisha
    640,  // lissa -> elysia
    95,   // lissia -> alyssa
    1243, // little -> littleberry
    1243, // littleberry -> littleberry
    1592, // livia -> olivia
    622,  // liz -> elizabeth
    622,  // liza -> elizabeth
    622,  // lizzie -> elizabeth
    622,  // lizzy -> elizabeth
    735,  // lloyd -> floyd
    1418, // lodi -> melody
    1274, // lois -> louisa
    494,  // lola -> delores
    1223, // lolly -> lillah
    90,   // lon -> alonzo
    705,  // lonnie -> fallon
    1173, // lonny -> lawrence
    90,   // lonzo -> alonzo
    1813, // loomie -> salome
    1259, // lorelei -> lorelei
    1261, // loren -> lorenzo
    1261, // lorenzo -> lorenzo
    1262, // loretta -> loretta
    1259, // lori -> lorelei
    1266, // lorie -> lorraine
    1173, // lorne -> lawrence
    1266, // lorraine -> lorraine
    1266, // lorrie -> lorraine
    1173, // lorry -> lawrence
    355,  // lotta -> charles
    319,  // lottie -> carlotta
    1274, // lou -> louisa
    1274, // louie -> louisa
    1274, // louis -> louisa
    1274, // louisa -> louisa
    1274, // louise -> louisa
    1276, // louvinia -> louvinia
    1287, // lu -> luella
    1293, // lucas -> luther
    1279, // lucia -> lucia
    1280, // lucias -> lucias
    1281, // lucille -> lucille
    1282, // lucina -> lucina
    1279, // lucinda -> lucia
    1279, // lucius -> lucia
    1285, // lucretia -> lucretia
    1279, // lucy -> lucia
    1287, // luella -> luella
    1293, // luke -> luther
    1287, // lula -> luella
    1290, // lunetta -> lunetta
    1292, // lura -> lurana
    1292, // lurana -> lurana
    1293, // luther -> luther
    1295, // lyddy -> lydia
    1295, // lydia -> lydia
    1296, // lyndon -> lyndon
    1296, // lynn -> lyndon
    1298, // mabel -> mabel
    1324, // mac -> malcolm
    1301, // mack -> mackenzie
    1301, // mackenzie -> mackenzie
    1304, // maddi -> maddison
    1304, // maddie -> maddison
    1304, // maddison -> maddison
    1310, // maddy -> madison
    1310, // madeline -> madison
    1310, // madelyn -> madison
    1341, // madge -> margaret
    1310, // madie -> madison
    1310, // madison -> madison
    1355, // mae -> marietta
    1312, // maegen -> maegen
    1315, // magda -> magdelina
    1314, // magdalena -> magdalena
    1315, // magdelina -> magdelina
    1341, // maggie -> margaret
    1341, // maggy -> margaret
    1318, // mahala -> mahala
    1343, // maisie -> margarita
    1320, // makayla -> makayla
    1324, // mal -> malcolm
    1322, // malachi -> malachi
    1324, // malc -> malcolm
    1324, // malcolm -> malcolm
    1325, // malinda -> malinda
    1322, // mally -> malachi
    1372, // mamie -> mary
    98,   // manda -> amanda
    1329, // mandie -> mandie
    98,   // mandy -> amanda
    1331, // manerva -> manerva
    1336, // manny -> manuel
    1333, // manoah -> manoah
    1334, // manola -> manola
    1816, // mantha -> samantha
    1336, // manuel -> manuel
    1340, // marc -> marcus
    1364, // marcia -> marsha
    1364, // marcie -> marsha
    1340, // marcus -> marcus
    1341, // margaret -> margaret
    1341, // margaretta -> margaret
    1343, // margarita -> margarita
    1341, // marge -> margaret
    1341, // margery -> margaret
    1341, // margie -> margaret
    1343, // margo -> margarita
    1348, // marguerite -> marguerite
    1341, // margy -> margaret
    1355, // maria -> marietta
    1355, // mariah -> marietta
    1352, // marian -> marian
    1352, // marianna -> marian
    1355, // marie -> marietta
    1355, // marietta -> marietta
    1356, // marilyn -> marilyn
    1352, // marion -> marian
    499,  // maris -> demaris
    1359, // marissa -> marissa
    1341, // marjorie -> margaret
    1340, // mark -> marcus
    1362, // marni -> marni
    1362, // marnie -> marni
    1364, // marsha -> marsha
    1365, // martha -> martha
    1366, // martin -> martin
    1367, // martina -> martina
    1368, // martine -> martine
    1365, // marty -> martha
    1371, // marv -> marvin
    1371, // marvin -> marvin
    1372, // mary -> mary
    1374, // masa -> masayuki
    1374, // masayuki -> masayuki
    1365, // mat -> martha
    1376, // mathew -> mathew
    1377, // mathilda -> mathilda
    1378, // matilda -> matilda
    1380, // matt -> matthew
    1380, // matthew -> matthew
    1381, // matthews -> matthews
    1382, // matthias -> matthias
    1380, // mattie -> matthew
    1380, // matty -> matthew
    1376, // maty -> mathew
    1378, // maud -> matilda
    1355, // maureen -> marietta
    1388, // maurice -> maurice
    1390, // mave -> mavery
    1390, // mavery -> mavery
    1391, // mavine -> mavine
    1392, // max -> max
    1393, // maximilian -> maximilian
    1394, // maximillian -> maximillian
    1395, // maxine -> maxine
    1396, // maxwell -> maxwell
    1355, // may -> marietta
    1324, // mc -> malcolm
    1399, // mckenna -> mckenna
    1399, // meaka -> mckenna
    1401, // medora -> medora
    205,  // mees -> barticus
    1341, // meg -> margaret
    1343, // megan -> margarita
    1405, // meghan -> meghan
    1298, // mehitabel -> mabel
    1419, // mel -> melvin
    1408, // melanie -> melanie
    1409, // melchizedek -> melchizedek
    1618, // melia -> parmelia
    1411, // melinda -> melinda
    1456, // melissa -> millicent
    1415, // mellia -> mellony
    1408, // mellie -> melanie
    1415, // mellony -> mellony
    1644, // melly -> permelia
    324,  // melo -> carmelo
    1418, // melody -> melody
    1419, // melvin -> melvin
    1420, // melvina -> melvina
    87,   // mena -> almena
    1666, // menaalmena -> philomena
    1423, // mercedes -> mercedes
    1423, // merci -> mercedes
    1423, // mercy -> mercedes
    1503, // mert -> myrtle
    1429, // merv -> mervyn
    1429, // mervin -> mervyn
    1429, // mervyn -> mervyn
    1343, // metta -> margarita
    205,  // meus -> barticus
    1434, // micah -> michael
    1433, // micajah -> micajah
    1434, // michael -> michael
    1435, // micheal -> micheal
    1436, // michelle -> michelle
    1434, // mick -> michael
    1434, // mickey -> michael
    1434, // micky -> michael
    141,  // middie -> araminta
    1378, // middy -> matilda
    1343, // midge -> margarita
    1450, // miggy -> miguel
    1450, // miguael -> miguel
    1450, // miguaell -> miguel
    1450, // miguail -> miguel
    1450, // miguaill -> miguel
    1450, // miguayl -> miguel
    1450, // miguayll -> miguel
    1450, // miguel -> miguel
    1450, // miguell -> miguel
    1434, // mike -> michael
    1434, // mikey -> michael
    1435, // miky -> micheal
    1455, // mildred -> mildred
    1456, // millicent -> millicent
    312,  // millie -> camille
    1456, // milly -> millicent
    983,  // mima -> jemima
    1470, // mimi -> miriam
    1355, // mina -> marietta
    158,  // mindie -> arminda
    1411, // mindy -> melinda
    1331, // minerva -> manerva
    159,  // minite -> arminta
    1355, // minnie -> marietta
    141,  // minty -> araminta
    1469, // mira -> miranda
    1469, // miranda -> miranda
    1470, // miriam -> miriam
    1456, // missy -> millicent
    1473, // mitch -> mitchell
    1473, // mitchell -> mitchell
    1470, // mittie -> miriam
    1470, // mitty -> miriam
    1470, // mitzi -> miriam
    1470, // mitzie -> miriam
    501,  // mock -> democrates
    1355, // mollie -> marietta
    1372, // molly -> mary
    1694, // mona -> ramona
    1482, // monet -> monet
    1483, // monica -> monica
    1483, // monna -> monica
    1483, // monnie -> monica
    1487, // monte -> monteleon
    1487, // monteleon -> monteleon
    1488, // montesque -> montesque
    1489, // montgomery -> montgomery
    1489, // monty -> montgomery
    1492, // morey -> morris
    1492, // morris -> morris
    1494, // mort -> mortimer
    1494, // mortimer -> mortimer
    1496, // mose -> moses
    1496, // moses -> moses
    1496, // moss -> moses
    1499, // mur -> muriel
    1499, // muriel -> muriel
    1821, // myra -> samyra
    1503, // myrt -> myrtle
    1503, // myrti -> myrtle
    1503, // myrtle -> myrtle
    6,    // nabby -> abbigail
    907,  // nace -> ignatius
    1507, // nada -> nadine
    1507, // nadine -> nadine
    1765, // naldo -> ronald
    1510, // nan -> nancy
    1510, // nancy -> nancy
    722,  // nando -> ferdinando
    1510, // nanny -> nancy
    1513, // naomi -> naomi
    1515, // nap -> napoleon
    1515, // napoleon -> napoleon
    1515, // nappy -> napoleon
    1519, // nat -> natasha
    1518, // natalie -> natalie
    1519, // natasha -> natasha
    1522, // nate -> nathaniel
    1522, // nathan -> nathaniel
    1522, // nathaniel -> nathaniel
    907,  // natius -> ignatius
    1518, // natty -> natalie
    908,  // naz -> ignatzio
    594,  // ned -> edward
    429,  // neil -> cornelius
    428,  // nelia -> cornelia
    610,  // nell -> eleanor
    428,  // nelle -> cornelia
    625,  // nellie -> ellender
    428,  // nelly -> cornelia
    1534, // nels -> nelson
    1534, // nelson -> nelson
    1331, // nerva -> manerva
    1331, // nervie -> manerva
    2050, // nessa -> vanessa
    130,  // netta -> antoinette
    1518, // nettie -> natalie
    1541, // newt -> newton
    1541, // newton -> newton
    923,  // nib -> isabel
    923,  // nibby -> isabel
    1557, // nic -> nicolas
    2056, // nicey -> vernisee
    1546, // nicholas -> nicholas
    1548, // nichole -> nicholette
    1548, // nicholette -> nicholette
    2038, // nicie -> unice
    1546, // nick -> nicholas
    1548, // nickey -> nicholette
    1548, // nicki -> nicholette
    1556, // nickie -> nicodemus
    1557, // nicky -> nicolas
    1557, // nico -> nicolas
    1556, // nicodemus -> nicodemus
    1557, // nicolas -> nicolas
    1548, // nicole -> nicholette
    429,  // niel -> cornelius
    1562, // nikki -> nikole
    1561, // nikolas -> nikolas
    1562, // nikole -> nikole
    1046, // nita -> juanita
    1333, // noah -> manoah
    1579, // noel -> nowell
    1548, // nole -> nicholette
    1590, // nollie -> olive
    1021, // nonie -> johannah
    1334, // nonnie -> manola
    631,  // nora -> elnora
    887,  // norah -> honora
    1572, // norbert -> norbert
    1574, // norbu -> norbusamte
    1574, // norbusamte -> norbusamte
    1572, // norby -> norbert
    1577, // norm -> norman
    1577, // norman -> norman
    887,  // norry -> honora
    1579, // nowell -> nowell
    1580, // obadiah -> obadiah
    1583, // obed -> obedience
    1580, // obediah -> obadiah
    1583, // obedience -> obedience
    1580, // obie -> obadiah
    1585, // octavia -> octavia
    1612, // ode -> otis
    1587, // odell -> odell
    1587, // odo -> odell
    2083, // ola -> viola
    1590, // olive -> olive
    1590, // oliver -> olive
    1592, // olivia -> olivia
    1590, // ollie -> olive
    1796, // olph -> rudolph
    1513, // omi -> naomi
    2135, // ona -> yeona
    1598, // one -> onicyphorous
    1598, // onicyphorous -> onicyphorous
    2135, // onie -> yeona
    916,  // onnie -> iona
    1988, // ophi -> theophilus
    187,  // ora -> aurelia
    187,  // orilla -> aurelia
    1760, // orlando -> roland
    1605, // orphelia -> orphelia
    1598, // osaforum -> onicyphorous
    1598, // osaforus -> onicyphorous
    1609, // ossy -> oswald
    1609, // oswald -> oswald
    1612, // ote -> otis
    1989, // otha -> theotha
    1612, // otis -> otis
    1609, // ozzy -> oswald
    1626, // paddy -> patrick
    1616, // pam -> pamela
    1616, // pamela -> pamela
    1617, // pandora -> pandora
    1618, // parmelia -> parmelia
    1620, // parsuny -> parthenia
    1620, // parthenia -> parthenia
    1620, // pasoonie -> parthenia
    1625, // pat -> patricia
    1626, // pate -> patrick
    1624, // patience -> patience
    1625, // patricia -> patricia
    1626, // patrick -> patrick
    1625, // patsy -> patricia
    1625, // patti -> patricia
    1625, // patty -> patricia
    1630, // paul -> paul
    1631, // paula -> paula
    1632, // paulina -> paulina
    1633, // pauline -> pauline
    1341, // peg -> margaret
    1343, // peggie -> margarita
    1341, // peggy -> margaret
    1637, // pelegrine -> pelegrine
    1638, // penelope -> penelope
    1663, // penie -> philipina
    1638, // penny -> penelope
    1641, // percival -> percival
    1641, // percy -> percival
    1643, // peregrine -> peregrine
    1644, // permelia -> permelia
    1645, // pernetta -> pernetta
    1643, // perry -> peregrine
    1647, // persephone -> persephone
    1626, // pete -> patrick
    1626, // peter -> patrick
    1650, // petronella -> petronella
    1605, // phelia -> orphelia
    2037, // phena -> tryphena
    1653, // pheney -> pheney
    1620, // phenie -> parthenia
    1656, // pherbia -> pheriba
    1656, // pheriba -> pheriba
    1662, // phil -> philip
    495,  // philadelphia -> delpha
    1659, // philander -> philander
    1660, // philetus -> philetus
    1661, // philinda -> philinda
    1662, // philip -> philip
    1663, // philipina -> philipina
    1664, // phillip -> phillip
    30,   // philly -> adelphia
    1666, // philomena -> philomena
    1663, // phoebe -> philipina
    1668, // pinckney -> pinckney
    1668, // pink -> pinckney
    1662, // pip -> philip
    1671, // pleasant -> pleasant
    1671, // ples -> pleasant
    1673, // pocahontas -> pocahontas
    1673, // pokey -> pocahontas
    1372, // polly -> mary
    1676, // posthuma -> posthuma
    1678, // pres -> prescott
    1678, // prescott -> prescott
    1679, // priscilla -> priscilla
    1679, // prissy -> priscilla
    1681, // providence -> providence
    1681, // provy -> providence
    1684, // prudence -> prudy
    1684, // prudy -> prudy
    1684, // prue -> prudy
    137,  // quil -> aquilla
    2029, // quilla -> tranquilla
    137,  // quillie -> aquilla
    1690, // rachael -> rachel
    1690, // rachel -> rachel
    1692, // rafa -> rafaela
    1692, // rafaela -> rafaela
    1700, // ralph -> raphael
    1694, // ramona -> ramona
    1695, // randall -> randall
    1469, // randi -> miranda
    1697, // randolf -> randolf
    1698, // randolph -> randolph
    1695, // randy -> randall
    1700, // raphael -> raphael
    656,  // rasmus -> erasmus
    1703, // ray -> raymond
    1703, // raymond -> raymond
    656,  // raze -> erasmus
    109,  // rea -> andrea
    1707, // reba -> rebecca
    1707, // rebecca -> rebecca
    426,  // ree -> corey
    1711, // reg -> regina
    1711, // reggie -> regina
    1711, // regina -> regina
    1721, // reginald -> reynold
    1713, // relief -> relief
    444,  // rella -> cynthia
    1162, // ren -> lauren
    1844, // rena -> serena
    446,  // renius -> cyrenius
    1721, // renny -> reynold
    1262, // retta -> loretta
    1720, // reuben -> reuben
    1721, // reynold -> reynold
    772,  // rhett -> garrett
    1723, // rhoda -> rhoda
    1724, // rhodella -> rhodella
    1725, // rhyna -> rhyna
    1725, // rhynie -> rhyna
    2039, // riah -> uriah
    38,   // rian -> adrian
    39,   // riane -> adriane
    1730, // ricardo -> ricardo
    1732, // rich -> richard
    1732, // richard -> richard
    54,   // riche -> aldrich
    1732, // richie -> richard
    1732, // rick -> richard
    756,  // ricka -> fredericka
    756,  // rickey -> fredericka
    1754, // rickie -> roderick
    1732, // ricky -> richard
    40,   // rienne -> adrienne
    1846, // rilla -> serilla
    187,  // rilly -> aurelia
    1359, // rissa -> marissa
    994,  // rita -> jerita
    1748, // rob -> robert
    1748, // robbie -> robert
    1748, // robby -> robert
    1748, // robert -> robert
    1749, // roberta -> roberta
    1750, // roberto -> roberto
    1749, // roby -> roberta
    1757, // rod -> rodney
    1754, // roddy -> roderick
    1754, // roderick -> roderick
    1759, // rodger -> roger
    1723, // rodie -> rhoda
    1757, // rodney -> rodney
    1759, // roge -> roger
    1759, // roger -> roger
    1760, // roland -> roland
    1796, // rolf -> rudolph
    1760, // rollo -> roland
    1760, // rolly -> roland
    1765, // ron -> ronald
    1765, // ronald -> ronald
    2058, // ronie -> veronica
    2058, // ronna -> veronica
    1765, // ronnie -> ronald
    310,  // ronny -> cameron
    1771, // rosa -> rosabel
    1771, // rosabel -> rosabel
    1772, // rosabella -> rosabella
    1773, // rosaenn -> rosaenn
    1774, // rosaenna -> rosaenna
    1775, // rosalinda -> rosalinda
    1776, // rosalyn -> rosalyn
    1777, // roscoe -> roscoe
    1778, // rose -> rose
    1779, // roseann -> roseann
    1780, // roseanna -> roseanna
    1781, // roseanne -> roseanne
    1783, // rosemarie -> rosemary
    1783, // rosemary -> rosemary
    1783, // rosey -> rosemary
    1779, // rosie -> roseann
    1786, // rosina -> rosina
    1777, // ross -> roscoe
    1789, // rox -> roxane
    1789, // roxane -> roxane
    1790, // roxanna -> roxanna
    1791, // roxanne -> roxanne
    1789, // roxie -> roxane
    1793, // roy -> roy
    1771, // roz -> rosabel
    1720, // rube -> reuben
    1796, // rudolph -> rudolph
    1797, // rudolphus -> rudolphus
    1796, // rudy -> rudolph
    141,  // ruminta -> araminta
    1748, // rupert -> robert
    1802, // russ -> russell
    1802, // russell -> russell
    1802, // rusty -> russell
    1805, // ry -> ryan
    1805, // ryan -> ryan
    1806, // sabrina -> sabrina
    1826, // sadie -> sarah
    1809, // safie -> safieel
    1809, // safieel -> safieel
    1814, // sal -> salvador
    1826, // sally -> sarah
    1897, // salmon -> solomon
    1813, // salome -> salome
    1814, // salvador -> salvador
    1820, // sam -> samuel
    1816, // samantha -> samantha
    1820, // sammy -> samuel
    1818, // sampson -> sampson
    1819, // samson -> samson
    1820, // samuel -> samuel
    1821, // samyra -> samyra
    1822, // sandra -> sandra
    1822, // sandy -> sandra
    1824, // sanford -> sanford
    1826, // sara -> sarah
    1826, // sarah -> sarah
    1827, // sarilla -> sarilla
    1897, // saul -> solomon
    1830, // savanna -> savannah
    1830, // savannah -> savannah
    1678, // sceeter -> prescott
    1678, // scott -> prescott
    1678, // scottie -> prescott
    1678, // scotty -> prescott
    1836, // seb -> sebastian
    1836, // sebastian -> sebastian
    1836, // sebby -> sebastian
    1847, // see -> seymour
    127,  // selma -> anselm
    173,  // sene -> asenath
    669,  // senie -> eseneth
    1647, // seph -> persephone
    1647, // sephy -> persephone
    1844, // serena -> serena
    446,  // serene -> cyrenius
    1846, // serilla -> serilla
    1847, // seymour -> seymour
    1849, // sha -> shaina
    1849, // shaina -> shaina
    1850, // sharon -> sharon
    1852, // shaun -> shawn
    1852, // shawn -> shawn
    1849, // shay -> shaina
    1854, // sheila -> sheila
    1860, // shel -> shelton
    1856, // sheldon -> sheldon
    1436, // shelley -> michelle
    1436, // shellie -> michelle
    1856, // shelly -> sheldon
    1860, // shelton -> shelton
    1436, // shely -> michelle
    1868, // sher -> sheryl
    1868, // sheri -> sheryl
    1864, // sheridan -> sheridan
    1868, // sherri -> sheryl
    1868, // sherry -> sheryl
    1868, // sherryl -> sheryl
    1868, // sheryl -> sheryl
    1870, // shirl -> shirley
    1870, // shirley -> shirley
    1881, // si -> silas
    1874, // sibbell -> sibbilla
    1874, // sibbie -> sibbilla
    1874, // sibbilla -> sibbilla
    1876, // sid -> sidney
    1876, // sidney -> sidney
    1880, // sig -> sigismund
    1878, // sigfired -> sigfired
    1879, // sigfrid -> sigfrid
    1880, // sigismund -> sigismund
    1881, // silas -> silas
    1882, // silence -> silence
    1827, // silla -> sarilla
    1884, // silvester -> silvester
    1885, // simeon -> simeon
    1886, // simon -> simon
    1786, // sina -> rosina
    1282, // sinah -> lucina
    1886, // sion -> simon
    738,  // sis -> frances
    1945, // sly -> sylvanus
    1892, // smith -> smith
    1892, // smitty -> smith
    1894, // socrates -> socrates
    1897, // sol -> solomon
    1897, // solly -> solomon
    1897, // solomon -> solomon
    1898, // sondra -> sondra
    1898, // sonnie -> sondra
    1055, // sonny -> judson
    1903, // sophia -> sophronia
    1903, // sophie -> sophronia
    1903, // sophronia -> sophronia
    1678, // squat -> prescott
    1908, // stacey -> stacie
    1908, // staci -> stacie
    685,  // stacia -> eustacia
    1908, // stacie -> stacie
    685,  // stacy -> eustacia
    439,  // stal -> crystal
    1917, // steffi -> stephanie
    1917, // steffie -> stephanie
    673,  // stella -> estella
    1923, // steph -> steven
    1915, // stephan -> stephan
    1917, // stephani -> stephanie
    1917, // stephanie -> stephanie
    1917, // stephany -> stephanie
    1923, // stephen -> steven
    1917, // stephie -> stephanie
    1917, // stephine -> stephanie
    1923, // steve -> steven
    1923, // steven -> steven
    1923, // stevie -> steven
    1926, // stu -> stuart
    1926, // stuart -> stuart
    1934, // sue -> susan
    1935, // sukey -> susannah
    1937, // suki -> suzanne
    2040, // sula -> ursula
    2040, // sulie -> ursula
    1932, // sullivan -> sullivan
    1932, // sully -> sullivan
    1934, // susan -> susan
    1935, // susannah -> susannah
    1934, // susie -> susan
    1937, // suzanne -> suzanne
    1934, // suzie -> susan
    446,  // swene -> cyrenius
    1946, // sy -> sylvester
    1874, // sybill -> sibbilla
    1876, // syd -> sidney
    1943, // sydney -> sydney
    1945, // syl -> sylvanus
    1945, // sylvanus -> sylvanus
    1946, // sylvester -> sylvester
    1598, // syphorous -> onicyphorous
    1949, // tabby -> tabitha
    1949, // tabitha -> tabitha
    439,  // tal -> crystal
    1951, // tamarra -> tamarra
    1951, // tami -> tamarra
    1951, // tammie -> tamarra
    1951, // tammy -> tamarra
    1995, // tamzine -> thomasa
    1956, // tanafra -> tanafra
    1956, // tanny -> tanafra
    1519, // tash -> natasha
    1519, // tasha -> natasha
    1519, // tashie -> natasha
    1585, // tave -> octavia
    1585, // tavia -> octavia
    594,  // ted -> edward
    594,  // teddy -> edward
    1620, // teeny -> parthenia
    150,  // telly -> aristotle
    1967, // temperance -> temperance
    1967, // tempy -> temperance
    893,  // tensey -> hortense
    1970, // terence -> terence
    1977, // teresa -> tessa
    1973, // teri -> terri
    1973, // terri -> terri
    1973, // terrie -> terri
    1970, // terry -> terence
    1977, // tess -> tessa
    1977, // tessa -> tessa
    1977, // tessie -> tessa
    1980, // thad -> thaddeus
    1980, // thaddeus -> thaddeus
    1522, // than -> nathaniel
    242,  // thaney -> bethena
    1986, // theo -> theodosia
    1984, // theodora -> theodora
    1986, // theodore -> theodosia
    1986, // theodosia -> theodosia
    1986, // theodosius -> theodosia
    1988, // theophilus -> theophilus
    1989, // theotha -> theotha
    1977, // theresa -> tessa
    1382, // thias -> matthias
    1977, // thirza -> tessa
    1994, // thom -> thomas
    1994, // thomas -> thomas
    1995, // thomasa -> thomasa
    168,  // thursa -> arthusa
    1382, // thys -> matthias
    923,  // tibbie -> isabel
    715,  // tick -> felicity
    2001, // tiff -> tiffany
    2001, // tiffany -> tiffany
    2001, // tiffy -> tiffany
    2003, // tilford -> tilford
    1378, // tilla -> matilda
    2003, // tillie -> tilford
    1378, // tilly -> matilda
    2009, // tim -> timothy
    2009, // timmy -> timothy
    2009, // timothy -> timothy
    379,  // tina -> christina
    1368, // tine -> martine
    1159, // tish -> latisha
    1159, // tisha -> latisha
    1204, // titia -> letitia
    2015, // tobias -> tobias
    2015, // toby -> tobias
    1994, // tom -> thomas
    1994, // tommy -> thomas
    129,  // tony -> anthony
    2070, // tori -> victoria
    2070, // torie -> victoria
    2070, // torri -> victoria
    2070, // torrie -> victoria
    2070, // tory -> victoria
    1977, // traci -> tessa
    1977, // tracie -> tessa
    1977, // tracy -> tessa
    2029, // trannie -> tranquilla
    2029, // tranquilla -> tranquilla
    1625, // tricia -> patricia
    1089, // trina -> katherine
    1625, // trish -> patricia
    1625, // trisha -> patricia
    257,  // trix -> blanche
    257,  // trixie -> blanche
    798,  // trudy -> gertrude
    2037, // tryphena -> tryphena
    2038, // unice -> unice
    2039, // uriah -> uriah
    2040, // ursula -> ursula
    2045, // val -> valerie
    2042, // valentina -> valentina
    2043, // valentine -> valentine
    2044, // valeri -> valeri
    2045, // valerie -> valerie
    2042, // vallie -> valentina
    1932, // van -> sullivan
    2048, // vanburen -> vanburen
    2049, // vandalia -> vandalia
    2050, // vanessa -> vanessa
    690,  // vangie -> evangeline
    2050, // vanna -> vanessa
    2049, // vannie -> vandalia
    1167, // veda -> laveda
    1168, // verna -> laverne
    2056, // vernisee -> vernisee
    1168, // vernon -> laverne
    2058, // veronica -> veronica
    94,   // vert -> alverta
    1946, // vessie -> sylvester
    1884, // vest -> silvester
    1884, // vester -> silvester
    1946, // vet -> sylvester
    2083, // vi -> viola
    2077, // vic -> vincent
    2070, // vicki -> victoria
    2077, // vickie -> vincent
    2070, // vicky -> victoria
    2077, // victor -> vincent
    2070, // victoria -> victoria
    1209, // vicy -> levicy
    2073, // vij -> vijay
    2073, // vijay -> vijay
    2082, // vin -> vinson
    1169, // vina -> lavina
    2077, // vince -> vincent
    2077, // vincent -> vincent
    2078, // vincenzo -> vincenzo
    1169, // viney -> lavina
    2082, // vinnie -> vinson
    2082, // vinny -> vinson
    2082, // vinson -> vinson
    2083, // viola -> viola
    2084, // violetta -> violetta
    94,   // virdie -> alverta
    2086, // virginia -> virginia
    2086, // virgy -> virginia
    2089, // viv -> vivian
    2089, // vivian -> vivian
    1210, // von -> levone
    2140, // vonna -> yvonne
    2058, // vonnie -> veronica
    1609, // waldo -> oswald
    2094, // wallace -> wallace
    2094, // wally -> wallace
    2097, // walt -> walter
    2097, // walter -> walter
    2099, // wash -> washington
    2099, // washington -> washington
    2101, // webb -> webster
    2101, // webster -> webster
    829,  // wen -> gwendolyn
    829,  // wendy -> gwendolyn
    2105, // wes -> wesley
    2105, // wesley -> wesley
    2107, // west -> westley
    2107, // westley -> westley
    2112, // wil -> wilfred
    800,  // wilber -> gilbert
    2116, // wilbur -> william
    2111, // wilda -> wilda
    2112, // wilfred -> wilfred
    2113, // wilhelm -> wilhelm
    1355, // wilhelmina -> marietta
    2116, // will -> william
    2116, // william -> william
    2116, // willie -> william
    2118, // willis -> willis
    2116, // willy -> william
    1355, // wilma -> marietta
    2121, // wilson -> wilson
    2123, // win -> winfield
    2123, // winfield -> winfield
    2124, // winifred -> winifred
    2124, // winnet -> winifred
    2124, // winnie -> winifred
    2124, // winnifred -> winifred
    2123, // winny -> winfield
    2130, // wint -> winton
    2130, // winton -> winton
    2132, // wood -> woodrow
    2132, // woodrow -> woodrow
    2132, // woody -> woodrow
    1171, // wyncha -> lavonia
    2135, // yeona -> yeona
    2137, // yoshi -> yoshihiko
    2137, // yoshihiko -> yoshihiko
    2139, // yul -> yulan
    2139, // yulan -> yulan
    2140, // yvonne -> yvonne
    2144, // zac -> zachary
    2144, // zach -> zachary
    2143, // zachariah -> zachariah
    2144, // zachary -> zachary
    2145, // zachery -> zachery
    2144, // zachy -> zachary
    2144, // zack -> zachary
    96,   // zada -> alzada
    169,  // zaddi -> arzada
    928,  // zadie -> isaiah
    1409, // zadock -> melchizedek
    2144, // zak -> zachary
    2144, // zakk -> zachary
    928,  // zay -> isaiah
    2156, // zeb -> zebedee
    2156, // zebedee -> zebedee
    2158, // zed -> zedediah
    2158, // zedediah -> zedediah
    247,  // zeely -> bezaleel
    2145, // zeke -> zachery
    2162, // zeph -> zephaniah
    2162, // zephaniah -> zephaniah
    1897, // zolly -> solomon
];

/// (i, j), i < j: `NAMES[i]` and `NAMES[j]` are a formal name and one of
/// its nicknames; sorted, for `binary_search`.
pub static PAIRS: &[(u16, u16)] = &[
    (0, 662),     // aaron erin
    (0, 1764),    // aaron ron
    (0, 1768),    // aaron ronnie
    (1, 11),      // ab abel
    (1, 12),      // ab abiel
    (1, 15),      // ab abijah
    (1, 16),      // ab abner
    (1, 17),      // ab abraham
    (1, 18),      // ab abram
    (1, 19),      // ab absalom
    (2, 6),       // abbe abbigail
    (2, 7),       // abbe abbigale
    (2, 13),      // abbe abigail
    (2, 14),      // abbe abigale
    (3, 6),       // abbey abbigail
    (3, 7),       // abbey abbigale
    (3, 13),      // abbey abigail
    (3, 14),      // abbey abigale
    (4, 6),       // abbi abbigail
    (4, 7),       // abbi abbigale
    (4, 13),      // abbi abigail
    (4, 14),      // abbi abigale
    (5, 6),       // abbie abbigail
    (5, 7),       // abbie abbigale
    (5, 13),      // abbie abigail
    (5, 14),      // abbie abigale
    (5, 19),      // abbie absalom
    (6, 8),       // abbigail abby
    (6, 767),     // abbigail gail
    (6, 1504),    // abbigail nabby
    (7, 8),       // abbigale abby
    (7, 767),     // abbigale gail
    (7, 1504),    // abbigale nabby
    (8, 13),      // abby abigail
    (8, 14),      // abby abigale
    (9, 11),      // abe abel
    (9, 17),      // abe abraham
    (9, 18),      // abe abram
    (10, 216),    // abednego bedney
    (11, 579),    // abel eb
    (11, 580),    // abel ebbie
    (13, 767),    // abigail gail
    (13, 1504),   // abigail nabby
    (14, 767),    // abigale gail
    (14, 1504),   // abigale nabby
    (15, 251),    // abijah bige
    (19, 133),    // absalom app
    (20, 21),     // ada adaline
    (20, 24),     // ada addy
    (20, 29),     // ada adeline
    (20, 32),     // ada adie
    (20, 111),    // ada andriane
    (21, 24),     // adaline addy
    (21, 32),     // adaline adie
    (21, 487),    // adaline delia
    (21, 491),    // adaline dell
    (21, 1188),   // adaline lena
    (22, 23),     // addie addison
    (22, 40),     // addie adrienne
    (23, 24),     // addison addy
    (24, 26),     // addy adelaide
    (24, 28),     // addy adele
    (24, 29),     // addy adeline
    (24, 30),     // addy adelphia
    (25, 32),     // adela adie
    (25, 492),    // adela della
    (26, 28),     // adelaide adele
    (26, 32),     // adelaide adie
    (26, 491),    // adelaide dell
    (26, 492),    // adelaide della
    (26, 852),    // adelaide heidi
    (27, 51),     // adelbert albert
    (27, 234),    // adelbert bert
    (27, 484),    // adelbert del
    (27, 485),    // adelbert delbert
    (28, 30),     // adele adelphia
    (28, 491),    // adele dell
    (29, 74),     // adeline aline
    (29, 487),    // adeline delia
    (29, 491),    // adeline dell
    (29, 1188),   // adeline lena
    (30, 491),    // adelphia dell
    (30, 497),    // adelphia delphia
    (30, 1665),   // adelphia philly
    (31, 33),     // adena adina
    (31, 482),    // adena deena
    (31, 502),    // adena dena
    (31, 528),    // adena dina
    (34, 36),     // ado adolphus
    (35, 36),     // adolph adolphus
    (36, 535),    // adolphus dolph
    (37, 111),    // adri andriane
    (38, 1728),   // adrian rian
    (39, 1729),   // adriane riane
    (40, 650),    // adrienne enne
    (40, 1740),   // adrienne rienne
    (41, 42),     // aga agatha
    (42, 43),     // agatha aggy
    (43, 44),     // aggy agnes
    (43, 183),    // aggy augusta
    (43, 184),    // aggy augustina
    (44, 915),    // agnes inez
    (44, 1537),   // agnes nessa
    (45, 81),     // aileen allie
    (45, 854),    // aileen helena
    (45, 1188),   // aileen lena
    (46, 47),     // al alan
    (46, 48),     // al alanson
    (46, 49),     // al alastair
    (46, 51),     // al albert
    (46, 53),     // al aldo
    (46, 60),     // al alex
    (46, 61),     // al alexander
    (46, 65),     // al alfonse
    (46, 66),     // al alfred
    (46, 79),     // al allan
    (46, 80),     // al allen
    (46, 90),     // al alonzo
    (46, 95),     // al alyssa
    (46, 949),    // al jalen
    (47, 79),     // alan allan
    (47, 80),     // alan allen
    (48, 1156),   // alanson lanson
    (50, 71),     // alazama ali
    (51, 234),    // albert bert
    (51, 607),    // albert elbert
    (52, 81),     // alberta allie
    (52, 234),    // alberta bert
    (52, 236),    // alberta bertie
    (54, 1731),   // aldrich rich
    (54, 1733),   // aldrich riche
    (54, 1734),   // aldrich richie
    (55, 61),     // alec alexander
    (56, 57),     // alek aleksandr
    (57, 60),     // aleksandr alex
    (58, 949),    // alen jalen
    (59, 1207),   // aleva leve
    (59, 1211),   // aleva levy
    (60, 61),     // alex alexander
    (60, 62),     // alex alexandra
    (60, 63),     // alex alexandria
    (60, 64),     // alex alexis
    (61, 63),     // alexander alexandria
    (61, 1823),   // alexander sandy
    (62, 78),     // alexandra alla
    (62, 1822),   // alexandra sandra
    (62, 1823),   // alexandra sandy
    (63, 78),     // alexandria alla
    (63, 569),    // alexandria drina
    (63, 1822),   // alexandria sandra
    (64, 1213),   // alexis lexi
    (66, 750),    // alfred fred
    (66, 753),    // alfred freddy
    (67, 68),     // alfreda alfy
    (67, 751),    // alfreda freda
    (67, 753),    // alfreda freddy
    (67, 757),    // alfreda frieda
    (69, 70),     // algernon algy
    (71, 75),     // ali alison
    (71, 82),     // ali allisandra
    (71, 83),     // ali allison
    (71, 85),     // ali allyson
    (71, 86),     // ali allyssa
    (71, 87),     // ali almena
    (72, 81),     // alice allie
    (72, 635),    // alice elsie
    (72, 1238),   // alice lisa
    (73, 81),     // alicia allie
    (73, 635),    // alicia elsie
    (73, 1238),   // alicia lisa
    (75, 81),     // alison allie
    (76, 77),     // alix alixandra
    (79, 80),     // allan allen
    (81, 82),     // allie allisandra
    (81, 83),     // allie allison
    (81, 85),     // allie allyson
    (81, 86),     // allie allyssa
    (81, 87),     // allie almena
    (82, 84),     // allisandra ally
    (83, 84),     // allison ally
    (84, 85),     // ally allyson
    (84, 86),     // ally allyssa
    (84, 87),     // ally almena
    (84, 93),     // ally althea
    (84, 95),     // ally alyssa
    (87, 1421),   // almena mena
    (88, 1466),   // almina minnie
    (89, 1500),   // almira myra
    (90, 1254),   // alonzo lon
    (90, 1257),   // alonzo lonzo
    (91, 92),     // alphinias alphus
    (94, 2059),   // alverta vert
    (94, 2085),   // alverta virdie
    (95, 1241),   // alyssa lissia
    (96, 2148),   // alzada zada
    (97, 1298),   // amabel mabel
    (98, 1328),   // amanda manda
    (98, 1329),   // amanda mandie
    (98, 1330),   // amanda mandy
    (99, 287),    // ambrose brose
    (100, 102),   // amelia amy
    (100, 646),   // amelia emily
    (100, 1407),  // amelia mel
    (100, 1457),  // amelia millie
    (100, 1618),  // amelia parmelia
    (101, 1496),  // amos moses
    (103, 104),   // ana anastasia
    (103, 289),   // ana bryanna
    (104, 1909),  // anastasia stacy
    (105, 127),   // ance anselm
    (106, 112),   // anderson andy
    (107, 109),   // andi andrea
    (108, 567),   // andre drea
    (109, 110),   // andrea andrew
    (109, 112),   // andrea andy
    (109, 567),   // andrea drea
    (109, 1705),  // andrea rea
    (110, 112),   // andrew andy
    (110, 568),   // andrew drew
    (110, 1699),  // andrew randy
    (111, 1740),  // andriane rienne
    (113, 114),   // angel angela
    (113, 115),   // angel angelica
    (113, 117),   // angel angelina
    (114, 119),   // angela angie
    (115, 116),   // angelica angelika
    (115, 118),   // angelica angelique
    (115, 119),   // angelica angie
    (117, 119),   // angelina angie
    (117, 1227),  // angelina lina
    (120, 121),   // ann anna
    (120, 122),   // ann anne
    (120, 124),   // ann annie
    (120, 130),   // ann antoinette
    (120, 131),   // ann antonia
    (120, 377),   // ann christiana
    (120, 473),   // ann deanne
    (120, 1509),  // ann nan
    (120, 1510),  // ann nancy
    (120, 1773),  // ann rosaenn
    (120, 1774),  // ann rosaenna
    (120, 1779),  // ann roseann
    (120, 1780),  // ann roseanna
    (120, 1781),  // ann roseanne
    (120, 1790),  // ann roxanna
    (120, 1791),  // ann roxanne
    (121, 122),   // anna anne
    (121, 123),   // anna annette
    (121, 124),   // anna annie
    (121, 289),   // anna bryanna
    (121, 836),   // anna hannah
    (121, 1509),  // anna nan
    (121, 1830),  // anna savannah
    (122, 124),   // anne annie
    (122, 1509),  // anne nan
    (123, 1539),  // annette nettie
    (124, 1179),  // annie leanne
    (124, 1917),  // annie stephanie
    (125, 127),   // anse anselm
    (126, 127),   // ansel anselm
    (127, 1839),  // anselm selma
    (128, 129),   // ant anthony
    (128, 132),   // ant antonio
    (129, 2019),  // anthony tony
    (130, 1538),  // antoinette netta
    (130, 2019),  // antoinette tony
    (131, 1538),  // antonia netta
    (131, 2019),  // antonia tony
    (132, 2019),  // antonio tony
    (134, 135),   // appie appoline
    (135, 136),   // appoline appy
    (137, 1686),  // aquilla quil
    (137, 1688),  // aquilla quillie
    (138, 139),   // ara arabella
    (138, 140),   // ara arabelle
    (138, 163),   // ara arry
    (138, 222),   // ara belle
    (139, 163),   // arabella arry
    (139, 221),   // arabella bella
    (139, 222),   // arabella belle
    (140, 163),   // arabelle arry
    (140, 221),   // arabelle bella
    (140, 222),   // arabelle belle
    (141, 156),   // araminta armida
    (141, 1440),  // araminta middie
    (141, 1467),  // araminta minty
    (141, 1799),  // araminta ruminta
    (142, 143),   // archibald archie
    (144, 1121),  // archilles kill
    (144, 1122),  // archilles killis
    (145, 146),   // ari ariadne
    (146, 147),   // ariadne arie
    (147, 148),   // arie arielle
    (149, 389),   // arilla cinderella
    (150, 1966),  // aristotle telly
    (151, 1596),  // arizona ona
    (151, 1599),  // arizona onie
    (152, 153),   // arlene arly
    (152, 1188),  // arlene lena
    (154, 1330),  // armanda mandy
    (155, 163),   // armena arry
    (155, 1421),  // armena mena
    (157, 1458),  // armilda milly
    (158, 1462),  // arminda mindie
    (159, 1465),  // arminta minite
    (159, 1466),  // arminta minnie
    (160, 161),   // arnie arnold
    (162, 662),   // aron erin
    (162, 1764),  // aron ron
    (162, 1768),  // aron ronnie
    (164, 166),   // art artemus
    (164, 167),   // art arthur
    (165, 655),   // artelepsa epsey
    (168, 1996),  // arthusa thursa
    (169, 2149),  // arzada zaddi
    (170, 171),   // asa asahel
    (170, 172),   // asa asaph
    (173, 177),   // asenath assene
    (173, 1524),  // asenath natty
    (173, 1840),  // asenath sene
    (174, 175),   // ash ashley
    (175, 176),   // ashley ashly
    (175, 1178),  // ashley leah
    (175, 1181),  // ashley lee
    (178, 603),   // athy eighta
    (179, 269),   // aubrey bree
    (180, 181),   // audree audrey
    (181, 480),   // audrey dee
    (182, 185),   // august augustine
    (182, 186),   // august augustus
    (182, 825),   // august gus
    (183, 777),   // augusta gatsy
    (183, 826),   // augusta gussie
    (183, 2010),  // augusta tina
    (184, 777),   // augustina gatsy
    (184, 826),   // augustina gussie
    (184, 2010),  // augustina tina
    (185, 189),   // augustine austin
    (185, 825),   // augustine gus
    (186, 189),   // augustus austin
    (186, 825),   // augustus gus
    (187, 188),   // aurelia aurilla
    (187, 1602),  // aurelia ora
    (187, 1603),  // aurelia orilla
    (187, 1708),  // aurelia ree
    (187, 1742),  // aurelia rilly
    (190, 1741),  // avarilla rilla
    (191, 192),   // azariah aze
    (191, 1727),  // azariah riah
    (193, 194),   // bab babs
    (193, 195),   // bab barbara
    (193, 198),   // bab barby
    (194, 195),   // babs barbara
    (194, 198),   // babs barby
    (195, 196),   // barbara barbery
    (195, 197),   // barbara barbie
    (195, 198),   // barbara barby
    (195, 260),   // barbara bobbie
    (199, 200),   // barnabas barney
    (200, 229),   // barney bernard
    (201, 772),   // barrett garrett
    (202, 204),   // bart bartholomew
    (202, 205),   // bart barticus
    (203, 204),   // bartel bartholomew
    (204, 207),   // bartholomew bat
    (204, 1402),  // bartholomew mees
    (204, 1431),  // bartholomew meus
    (206, 208),   // basil bazaleel
    (209, 210),   // bea beatrice
    (209, 257),   // bea blanche
    (210, 2033),  // beatrice trisha
    (210, 2034),  // beatrice trix
    (210, 2035),  // beatrice trixie
    (211, 212),   // becca beck
    (211, 1706),  // becca reba
    (211, 1707),  // becca rebecca
    (212, 213),   // beck becky
    (212, 1706),  // beck reba
    (212, 1707),  // beck rebecca
    (213, 1707),  // becky rebecca
    (214, 1583),  // beda obedience
    (215, 278),   // bedelia bridgit
    (215, 487),   // bedelia delia
    (217, 1583),  // beedy obedience
    (218, 2116),  // bela william
    (219, 222),   // belinda belle
    (219, 1229),  // belinda linda
    (220, 923),   // bell isabel
    (220, 2116),  // bell william
    (221, 222),   // bella belle
    (221, 923),   // bella isabel
    (221, 924),   // bella isabella
    (221, 925),   // bella isabelle
    (221, 1772),  // bella rosabella
    (222, 923),   // belle isabel
    (222, 924),   // belle isabella
    (222, 925),   // belle isabelle
    (222, 1771),  // belle rosabel
    (222, 1772),  // belle rosabella
    (223, 224),   // ben benedict
    (223, 225),   // ben benjamin
    (224, 227),   // benedict bennie
    (225, 226),   // benjamin benjy
    (225, 227),   // benjamin bennie
    (225, 228),   // benjamin benny
    (225, 952),   // benjamin jamie
    (229, 230),   // bernard berney
    (229, 231),   // bernard bernie
    (229, 232),   // bernard berny
    (230, 231),   // berney bernie
    (233, 814),   // berry greenberry
    (233, 1243),  // berry littleberry
    (234, 235),   // bert bertha
    (234, 236),   // bert bertie
    (234, 237),   // bert bertram
    (234, 259),   // bert bob
    (234, 261),   // bert bobby
    (234, 485),   // bert delbert
    (234, 602),   // bert egbert
    (234, 607),   // bert elbert
    (234, 608),   // bert elbertson
    (234, 800),   // bert gilbert
    (234, 863),   // bert herbert
    (234, 900),   // bert hubert
    (234, 1572),  // bert norbert
    (234, 1749),  // bert roberta
    (234, 2109),  // bert wilber
    (235, 236),   // bertha bertie
    (235, 255),   // bertha birdie
    (236, 1749),  // bertie roberta
    (238, 1699),  // bertrand randy
    (239, 240),   // bess bessie
    (239, 622),   // bess elizabeth
    (240, 622),   // bessie elizabeth
    (241, 242),   // beth bethena
    (241, 243),   // beth betsy
    (241, 244),   // beth betty
    (241, 622),   // beth elizabeth
    (242, 1982),  // bethena thaney
    (243, 622),   // betsy elizabeth
    (244, 622),   // betty elizabeth
    (245, 246),   // bev beverly
    (247, 2159),  // bezaleel zeely
    (248, 2015),  // bias tobias
    (249, 250),   // biddie biddy
    (249, 276),   // biddie bridget
    (249, 1583),  // biddie obedience
    (250, 276),   // biddy bridget
    (252, 254),   // bill billy
    (252, 750),   // bill fred
    (252, 1748),  // bill robert
    (252, 2115),  // bill will
    (252, 2116),  // bill william
    (252, 2117),  // bill willie
    (252, 2118),  // bill willis
    (253, 2120),  // billiewilhelm wilma
    (254, 750),   // billy fred
    (254, 1748),  // billy robert
    (254, 2116),  // billy william
    (255, 1749),  // birdie roberta
    (256, 1749),  // birtie roberta
    (258, 262),   // bo boetius
    (259, 261),   // bob bobby
    (259, 1745),  // bob rob
    (259, 1748),  // bob robert
    (260, 1749),  // bobbie roberta
    (261, 1745),  // bobby rob
    (261, 1748),  // bobby robert
    (261, 1755),  // bobby rodger
    (261, 1759),  // bobby roger
    (263, 264),   // brad bradford
    (263, 265),   // brad bradley
    (263, 736),   // brad ford
    (264, 736),   // bradford ford
    (266, 285),   // brady broderick
    (266, 286),   // brady brody
    (267, 271),   // brandy brenda
    (268, 269),   // breanna bree
    (268, 272),   // breanna bri
    (269, 270),   // bree breeanna
    (272, 275),   // bri brianna
    (272, 289),   // bri bryanna
    (273, 288),   // brian bryan
    (273, 290),   // brian bryant
    (274, 289),   // briana bryanna
    (275, 289),   // brianna bryanna
    (276, 277),   // bridget bridgie
    (276, 279),   // bridget bridie
    (280, 1806),  // brina sabrina
    (281, 282),   // britt brittany
    (281, 283),   // britt brittney
    (282, 284),   // brittany brittnie
    (283, 284),   // brittney brittnie
    (285, 286),   // broderick brody
    (285, 1735),  // broderick rick
    (285, 1739),  // broderick ricky
    (285, 1752),  // broderick rod
    (291, 2048),  // buren vanburen
    (292, 602),   // burt egbert
    (293, 1433),  // cage micajah
    (294, 295),   // cait caitlin
    (294, 296),   // cait caitlyn
    (295, 297),   // caitlin caity
    (296, 297),   // caitlyn caity
    (298, 300),   // cal caleb
    (298, 308),   // cal calvin
    (299, 305),   // caldonia calliedona
    (301, 1078),  // cali kalli
    (302, 304),   // california callie
    (303, 1130),  // calista kissy
    (306, 307),   // cally calpurnia
    (308, 2074),  // calvin vin
    (308, 2081),  // calvin vinny
    (309, 310),   // cam cameron
    (309, 314),   // cam campbell
    (310, 1764),  // cameron ron
    (310, 1769),  // cameron ronny
    (311, 313),   // camile cammie
    (312, 313),   // camille cammie
    (312, 1457),  // camille millie
    (313, 325),   // cammie carmon
    (315, 316),   // candace candy
    (315, 448),   // candace dacey
    (317, 320),   // carl carlton
    (317, 355),   // carl charles
    (318, 321),   // carla carly
    (318, 1083),  // carla karla
    (319, 1270),  // carlotta lottie
    (321, 1083),  // carly karla
    (322, 325),   // carm carmon
    (323, 1413),  // carmellia mellia
    (324, 1417),  // carmelo melo
    (325, 358),   // carmon charm
    (326, 327),   // carol carolann
    (326, 328),   // carol carole
    (326, 329),   // carol caroline
    (326, 331),   // carol carri
    (326, 332),   // carol carrie
    (326, 339),   // carol cassie
    (326, 1081),  // carol kara
    (326, 1082),  // carol kari
    (326, 1297),  // carol lynn
    (327, 328),   // carolann carole
    (328, 329),   // carole caroline
    (329, 332),   // caroline carrie
    (329, 339),   // caroline cassie
    (329, 371),   // caroline chick
    (329, 1297),  // caroline lynn
    (330, 332),   // carolyn carrie
    (330, 339),   // carolyn cassie
    (330, 1297),  // carolyn lynn
    (332, 339),   // carrie cassie
    (333, 676),   // carthaette etta
    (333, 677),   // carthaette etty
    (334, 341),   // casey catherine
    (334, 342),   // casey cathleen
    (334, 1071),  // casey k.c.
    (335, 960),   // casper jasper
    (336, 338),   // cass cassidy
    (336, 340),   // cass caswell
    (337, 339),   // cassandra cassie
    (337, 1822),  // cassandra sandra
    (337, 1823),  // cassandra sandy
    (338, 339),   // cassidy cassie
    (339, 341),   // cassie catherine
    (339, 342),   // cassie cathleen
    (339, 1089),  // cassie katherine
    (339, 1090),  // cassie kathleen
    (341, 343),   // catherine cathy
    (341, 1085),  // catherine katarina
    (341, 1092),  // catherine kathy
    (341, 1095),  // catherine katy
    (341, 1096),  // catherine kay
    (341, 1131),  // catherine kit
    (341, 1132),  // catherine kittie
    (341, 1188),  // catherine lena
    (341, 2031),  // catherine trina
    (342, 343),   // cathleen cathy
    (342, 1092),  // cathleen kathy
    (342, 1095),  // cathleen katy
    (342, 1096),  // cathleen kay
    (342, 1131),  // cathleen kit
    (342, 1132),  // cathleen kittie
    (342, 1188),  // cathleen lena
    (342, 2031),  // cathleen trina
    (343, 1089),  // cathy katherine
    (343, 1090),  // cathy kathleen
    (343, 1092),  // cathy kathy
    (344, 348),   // cecilia celia
    (344, 392),   // cecilia cissy
    (344, 1854),  // cecilia sheila
    (345, 346),   // ced cedric
    (346, 1735),  // cedric rick
    (346, 1739),  // cedric ricky
    (347, 348),   // celeste celia
    (347, 1202),  // celeste lessie
    (349, 1229),  // celinda linda
    (349, 1234),  // celinda lindy
    (349, 1297),  // celinda lynn
    (350, 446),   // cene cyrenius
    (351, 1157),  // cenia laodicia
    (352, 360),   // chan chauncey
    (353, 357),   // char charlotte
    (354, 359),   // charity chat
    (355, 356),   // charles charlie
    (355, 371),   // charles chick
    (355, 385),   // charles chuck
    (356, 385),   // charlie chuck
    (357, 371),   // charlotte chick
    (357, 1269),  // charlotte lotta
    (357, 1270),  // charlotte lottie
    (357, 1866),  // charlotte sherry
    (361, 1436),  // chelle michelle
    (362, 363),   // chelsey chelsie
    (364, 367),   // cher cheryl
    (365, 1868),  // cheri sheryl
    (366, 1868),  // cherie sheryl
    (368, 370),   // chesley chet
    (369, 370),   // chester chet
    (371, 385),   // chick chuck
    (372, 412),   // chloe clo
    (373, 375),   // chris christa
    (373, 376),   // chris christian
    (373, 377),   // chris christiana
    (373, 378),   // chris christiano
    (373, 379),   // chris christina
    (373, 380),   // chris christine
    (373, 381),   // chris christoffer
    (373, 382),   // chris christoph
    (373, 383),   // chris christopher
    (373, 439),   // chris crystal
    (373, 1135),  // chris kris
    (373, 1137),  // chris kristen
    (373, 1138),  // chris kristin
    (373, 1139),  // chris kristine
    (373, 1140),  // chris kristofer
    (373, 1141),  // chris kristoffer
    (373, 1142),  // chris kristopher
    (373, 1143),  // chris kristy
    (374, 379),   // chrissy christina
    (374, 380),   // chrissy christine
    (376, 1131),  // christian kit
    (377, 384),   // christiana christy
    (377, 437),   // christiana crissy
    (377, 1135),  // christiana kris
    (377, 1143),  // christiana kristy
    (377, 2010),  // christiana tina
    (379, 384),   // christina christy
    (379, 437),   // christina crissy
    (379, 1135),  // christina kris
    (379, 1143),  // christina kristy
    (379, 2010),  // christina tina
    (380, 384),   // christine christy
    (380, 437),   // christine crissy
    (380, 1135),  // christine kris
    (380, 1143),  // christine kristy
    (380, 2010),  // christine tina
    (383, 1131),  // christopher kit
    (384, 437),   // christy crissy
    (384, 1139),  // christy kristine
    (386, 387),   // cicely cilla
    (387, 1679),  // cilla priscilla
    (388, 1281),  // cille lucille
    (389, 390),   // cinderella cindy
    (389, 1714),  // cinderella rella
    (389, 1741),  // cinderella rilla
    (390, 444),   // cindy cynthia
    (390, 1283),  // cindy lucinda
    (391, 444),   // cintha cynthia
    (392, 401),   // cissy clarissa
    (392, 738),   // cissy frances
    (392, 1679),  // cissy priscilla
    (393, 1546),  // claas nicholas
    (394, 1546),  // claes nicholas
    (394, 1561),  // claes nikolas
    (395, 396),   // clair claire
    (395, 399),   // clair clarence
    (396, 397),   // claire clara
    (396, 398),   // claire clare
    (397, 398),   // clara clare
    (397, 400),   // clara clarinda
    (397, 401),   // clara clarissa
    (398, 399),   // clare clarence
    (402, 403),   // claud claudia
    (404, 405),   // cleat cleatus
    (406, 407),   // clem clement
    (406, 408),   // clem clementine
    (407, 408),   // clement clementine
    (409, 410),   // cliff clifford
    (409, 411),   // cliff clifton
    (410, 736),   // clifford ford
    (411, 2019),  // clifton tony
    (413, 417),   // clum columbus
    (414, 426),   // coco corey
    (414, 432),   // coco cory
    (415, 416),   // cole colie
    (415, 1548),  // cole nicholette
    (415, 1558),  // cole nicole
    (418, 420),   // con conny
    (418, 421),   // con conrad
    (418, 429),   // con cornelius
    (419, 422),   // connie constance
    (420, 421),   // conny conrad
    (420, 429),   // conny cornelius
    (423, 427),   // cora corinne
    (424, 425),   // cordelia cordy
    (424, 487),   // cordelia delia
    (425, 426),   // cordy corey
    (425, 432),   // cordy cory
    (426, 1708),  // corey ree
    (427, 1602),  // corinne ora
    (428, 430),   // cornelia cornie
    (428, 431),   // cornelia corny
    (428, 1528),  // cornelia nelia
    (428, 1530),  // cornelia nelle
    (428, 1532),  // cornelia nelly
    (429, 431),   // cornelius corny
    (429, 1527),  // cornelius neil
    (429, 1559),  // cornelius niel
    (432, 1708),  // cory ree
    (433, 434),   // court courtney
    (434, 441),   // courtney curt
    (435, 1894),  // crate socrates
    (436, 1285),  // creasey lucretia
    (437, 1139),  // crissy kristine
    (438, 439),   // crys crystal
    (439, 1910),  // crystal stal
    (439, 1950),  // crystal tal
    (440, 1180),  // curg lecurgus
    (441, 442),   // curt curtis
    (443, 446),   // cy cyrenius
    (443, 447),   // cy cyrus
    (443, 1598),  // cy onicyphorous
    (445, 1598),  // cyphorus onicyphorous
    (446, 1717),  // cyrenius renius
    (446, 1845),  // cyrenius serene
    (446, 1939),  // cyrenius swene
    (449, 471),   // dacia daycia
    (450, 453),   // dahl dal
    (450, 454),   // dahl dalton
    (451, 471),   // daisha daycia
    (452, 1341),  // daisy margaret
    (452, 1342),  // daisy margaretta
    (452, 1343),  // daisy margarita
    (453, 454),   // dal dalton
    (455, 457),   // dan daniel
    (455, 1864),  // dan sheridan
    (456, 458),   // dani danielle
    (457, 459),   // daniel dann
    (457, 460),   // daniel danny
    (458, 626),   // danielle ellie
    (460, 1864),  // danny sheridan
    (461, 463),   // daph daphne
    (462, 463),   // daphie daphne
    (464, 551),   // darkey dorcus
    (465, 466),   // darlene darry
    (465, 1188),  // darlene lena
    (467, 469),   // dave david
    (468, 469),   // davey david
    (469, 470),   // david day
    (472, 499),   // dea demaris
    (472, 500),   // dea demerias
    (473, 480),   // deanne dee
    (474, 475),   // deb debbie
    (474, 476),   // deb debby
    (474, 477),   // deb debora
    (474, 478),   // deb deborah
    (474, 479),   // deb debra
    (475, 476),   // debbie debby
    (475, 477),   // debbie debora
    (475, 478),   // debbie deborah
    (475, 479),   // debbie debra
    (476, 477),   // debby debora
    (476, 478),   // debby deborah
    (480, 494),   // dee delores
    (481, 483),   // deedee deidre
    (481, 1507),  // deedee nadine
    (484, 485),   // del delbert
    (484, 498),   // del delphine
    (486, 498),   // delf delphine
    (487, 489),   // delia delius
    (487, 723),   // delia fidelia
    (488, 491),   // delilah dell
    (488, 492),   // delilah della
    (488, 1220),  // delilah lil
    (488, 1221),  // delilah lila
    (490, 492),   // deliverance della
    (490, 493),   // deliverance delly
    (490, 527),   // deliverance dilly
    (491, 492),   // dell della
    (491, 494),   // dell delores
    (492, 494),   // della delores
    (492, 1724),  // della rhodella
    (494, 1252),  // delores lola
    (494, 1253),  // delores lolly
    (495, 1658),  // delpha philadelphia
    (496, 498),   // delphi delphine
    (497, 1658),  // delphia philadelphia
    (497, 1665),  // delphia philly
    (499, 1358),  // demaris maris
    (499, 1372),  // demaris mary
    (500, 1358),  // demerias maris
    (500, 1372),  // demerias mary
    (501, 1478),  // democrates mock
    (503, 504),   // dennie dennis
    (504, 505),   // dennis dennison
    (504, 506),   // dennis denny
    (505, 506),   // dennison denny
    (507, 509),   // derek derrek
    (507, 1735),  // derek rick
    (507, 1739),  // derek ricky
    (508, 755),   // derick frederick
    (508, 1735),  // derick rick
    (508, 1739),  // derick ricky
    (510, 657),   // derrick eric
    (510, 1735),  // derrick rick
    (510, 1739),  // derrick ricky
    (511, 574),   // deuteronomy duty
    (512, 515),   // di diana
    (512, 516),   // di diane
    (513, 973),   // diah jedediah
    (513, 974),   // diah jedidiah
    (513, 1580),  // diah obadiah
    (513, 2158),  // diah zedediah
    (514, 516),   // dian diane
    (515, 518),   // diana dicey
    (515, 526),   // diana didi
    (516, 517),   // diane dianne
    (516, 518),   // diane dicey
    (516, 526),   // diane didi
    (518, 519),   // dicey dicie
    (518, 678),   // dicey eudicy
    (518, 684),   // dicey eurydice
    (520, 523),   // dick dickson
    (520, 1409),  // dick melchizedek
    (520, 1731),  // dick rich
    (520, 1732),  // dick richard
    (520, 1735),  // dick rick
    (520, 1739),  // dick ricky
    (521, 1732),  // dickie richard
    (522, 1732),  // dickon richard
    (524, 1732),  // dicky richard
    (525, 1157),  // dicy laodicia
    (528, 790),   // dina geraldine
    (529, 651),   // dite epaphroditius
    (530, 651),   // ditus epaphroditius
    (531, 1748),  // dob robert
    (532, 1748),  // dobbin robert
    (533, 554),   // doda dorothea
    (534, 555),   // dolly dorothy
    (535, 1697),  // dolph randolf
    (535, 1698),  // dolph randolph
    (535, 1796),  // dolph rudolph
    (535, 1797),  // dolph rudolphus
    (536, 537),   // dom domenic
    (536, 538),   // dom dominic
    (536, 539),   // dom dominick
    (536, 540),   // dom dominico
    (537, 1544),  // domenic nic
    (538, 1544),  // dominic nic
    (539, 1550),  // dominick nick
    (539, 1554),  // dominick nicky
    (541, 543),   // don donald
    (541, 544),   // don donato
    (541, 548),   // don donovan
    (542, 545),   // dona donna
    (543, 546),   // donald donnie
    (543, 547),   // donald donny
    (543, 549),   // donald dony
    (546, 548),   // donnie donovan
    (547, 548),   // donny donovan
    (548, 549),   // donovan dony
    (550, 552),   // dora dorinda
    (550, 553),   // dora doris
    (550, 554),   // dora dorothea
    (550, 555),   // dora dorothy
    (550, 609),   // dora eldora
    (550, 679),   // dora eudora
    (550, 926),   // dora isadora
    (550, 1401),  // dora medora
    (550, 1617),  // dora pandora
    (550, 1984),  // dora theodora
    (552, 554),   // dorinda dorothea
    (555, 556),   // dorothy dortha
    (555, 560),   // dorothy dot
    (555, 562),   // dorothy dottie
    (555, 563),   // dorothy dotty
    (557, 1986),  // dosia theodosia
    (558, 680),   // dosie eudoris
    (559, 680),   // dossie eudoris
    (560, 563),   // dot dotty
    (561, 563),   // dotha dotty
    (564, 565),   // doug douglas
    (566, 1898),  // dre sondra
    (568, 2132),  // drew woodrow
    (570, 1883),  // drusilla silla
    (571, 572),   // duncan dunk
    (573, 864),   // dutch herman
    (575, 651),   // dyce epaphroditius
    (576, 651),   // dyche epaphroditius
    (577, 973),   // dyer jedediah
    (577, 974),   // dyer jedidiah
    (577, 1580),  // dyer obadiah
    (577, 2158),  // dyer zedediah
    (578, 665),   // earnest ernestine
    (578, 666),   // earnest ernie
    (579, 580),   // eb ebbie
    (579, 582),   // eb ebenezer
    (580, 582),   // ebbie ebenezer
    (581, 582),   // eben ebenezer
    (583, 584),   // ed eddie
    (583, 585),   // ed eddy
    (583, 586),   // ed edgar
    (583, 589),   // ed edmond
    (583, 590),   // ed edmund
    (583, 593),   // ed eduardo
    (583, 594),   // ed edward
    (583, 595),   // ed edwin
    (584, 586),   // eddie edgar
    (584, 589),   // eddie edmond
    (584, 590),   // eddie edmund
    (584, 593),   // eddie eduardo
    (584, 594),   // eddie edward
    (584, 595),   // eddie edwin
    (585, 586),   // eddy edgar
    (585, 589),   // eddy edmond
    (585, 590),   // eddy edmund
    (585, 593),   // eddy eduardo
    (585, 594),   // eddy edward
    (585, 595),   // eddy edwin
    (587, 588),   // edie edith
    (587, 598),   // edie edyth
    (587, 599),   // edie edythe
    (588, 597),   // edith edye
    (590, 1526),  // edmund ned
    (590, 1963),  // edmund ted
    (591, 592),   // edna edny
    (594, 1526),  // edward ned
    (594, 1963),  // edward ted
    (594, 1964),  // edward teddy
    (595, 596),   // edwin edwina
    (595, 1526),  // edwin ned
    (595, 2122),  // edwin win
    (597, 598),   // edye edyth
    (597, 599),   // edye edythe
    (600, 683),   // effie euphemia
    (601, 683),   // effy euphemia
    (604, 853),   // eileen helen
    (604, 854),   // eileen helena
    (605, 623),   // el ella
    (606, 610),   // elaine eleanor
    (606, 853),   // elaine helen
    (606, 854),   // elaine helena
    (606, 1150),  // elaine lainie
    (607, 608),   // elbert elbertson
    (610, 624),   // eleanor ellen
    (610, 626),   // eleanor ellie
    (610, 854),   // eleanor helena
    (610, 1154),  // eleanor lanna
    (610, 1191),  // eleanor lenora
    (610, 1532),  // eleanor nelly
    (610, 1570),  // eleanor nora
    (611, 1175),  // eleazer lazar
    (612, 853),   // elena helen
    (613, 1197),  // elenor leonore
    (614, 615),   // eli elias
    (614, 616),   // eli elijah
    (614, 620),   // eli elisha
    (615, 1181),  // elias lee
    (615, 1214),  // elias lias
    (616, 1219),  // elijah lige
    (617, 1218),  // eliphalel life
    (618, 1183),  // eliphalet left
    (619, 1238),  // elisa lisa
    (620, 1239),  // elisha lish
    (621, 622),   // eliza elizabeth
    (621, 1274),  // eliza louisa
    (621, 1275),  // eliza louise
    (622, 1215),  // elizabeth lib
    (622, 1216),  // elizabeth libby
    (622, 1238),  // elizabeth lisa
    (622, 1245),  // elizabeth liz
    (622, 1246),  // elizabeth liza
    (622, 1247),  // elizabeth lizzie
    (622, 1248),  // elizabeth lizzy
    (623, 624),   // ella ellen
    (623, 765),   // ella gabriella
    (623, 766),   // ella gabrielle
    (623, 853),   // ella helen
    (623, 855),   // ella helene
    (623, 1287),  // ella luella
    (624, 625),   // ellen ellender
    (624, 853),   // ellen helen
    (624, 854),   // ellen helena
    (624, 855),   // ellen helene
    (624, 1188),  // ellen lena
    (624, 1529),  // ellen nell
    (624, 1531),  // ellen nellie
    (625, 853),   // ellender helen
    (625, 1531),  // ellender nellie
    (626, 628),   // ellie elly
    (626, 630),   // ellie elmira
    (626, 853),   // ellie helen
    (626, 855),   // ellie helene
    (627, 634),   // ellswood elsey
    (628, 630),   // elly elmira
    (629, 1466),  // elminie minnie
    (630, 1468),  // elmira mira
    (631, 1570),  // elnora nora
    (632, 856),   // eloise heloise
    (632, 1275),  // eloise louise
    (633, 856),   // elouise heloise
    (633, 1275),  // elouise louise
    (634, 635),   // elsey elsie
    (634, 636),   // elsey elswood
    (634, 641),   // elsey elze
    (637, 638),   // elvie elvira
    (639, 2133),  // elwood woody
    (640, 1238),  // elysia lisa
    (640, 1240),  // elysia lissa
    (642, 644),   // em emeline
    (642, 645),   // em emil
    (642, 646),   // em emily
    (642, 647),   // em emma
    (643, 1332),  // emanuel manny
    (643, 1336),  // emanuel manuel
    (644, 646),   // emeline emily
    (644, 647),   // emeline emma
    (644, 649),   // emeline emmy
    (644, 1458),  // emeline milly
    (645, 646),   // emil emily
    (646, 647),   // emily emma
    (646, 649),   // emily emmy
    (646, 1407),  // emily mel
    (646, 1457),  // emily millie
    (647, 649),   // emma emmy
    (648, 910),   // emmanuel immanuel
    (651, 654),   // epaphroditius eppa
    (652, 653),   // eph ephraim
    (656, 1701),  // erasmus rasmus
    (656, 1704),  // erasmus raze
    (657, 1735),  // eric rick
    (657, 1739),  // eric ricky
    (658, 754),   // erica frederica
    (659, 755),   // erick frederick
    (659, 1754),  // erick roderick
    (660, 756),   // ericka fredericka
    (661, 754),   // erika frederica
    (663, 665),   // erna ernestine
    (664, 665),   // ernest ernestine
    (664, 666),   // ernest ernie
    (665, 1965),  // ernestine teeny
    (665, 2010),  // ernestine tina
    (667, 921),   // erwin irwin
    (668, 672),   // es essy
    (669, 1841),  // eseneth senie
    (670, 2050),  // essa vanessa
    (671, 675),   // essie esther
    (672, 673),   // essy estella
    (672, 674),   // essy estelle
    (673, 1913),  // estella stella
    (674, 1913),  // estelle stella
    (675, 868),   // esther hester
    (676, 858),   // etta henrietta
    (676, 1262),  // etta loretta
    (677, 858),   // etty henrietta
    (681, 780),   // eugene gene
    (682, 1549),  // eunice nicie
    (682, 2038),  // eunice unice
    (685, 1907),  // eustacia stacia
    (685, 1909),  // eustacia stacy
    (686, 690),   // ev evangeline
    (686, 693),   // ev evelyn
    (687, 688),   // eva evaline
    (687, 691),   // eva eve
    (688, 691),   // evaline eve
    (688, 1188),  // evaline lena
    (689, 690),   // evan evangeline
    (690, 2051),  // evangeline vangie
    (691, 693),   // eve evelyn
    (691, 781),   // eve genevieve
    (691, 1331),  // eve manerva
    (692, 693),   // evelina evelyn
    (694, 695),   // exie experience
    (696, 697),   // ez ezekiel
    (696, 698),   // ez ezideen
    (696, 699),   // ez ezra
    (697, 2160),  // ezekiel zeke
    (700, 711),   // faith fay
    (701, 705),   // fal fallon
    (702, 705),   // falcon fallon
    (703, 705),   // fall fallon
    (704, 705),   // fallie fallon
    (705, 706),   // fallon fally
    (705, 707),   // fallon falon
    (705, 1254),  // fallon lon
    (705, 1255),  // fallon lonnie
    (708, 738),   // fanny frances
    (709, 2107),  // farmboy westley
    (710, 1148),  // fate lafayette
    (712, 714),   // fel felicia
    (713, 714),   // feli felicia
    (714, 716),   // felicia felix
    (715, 730),   // felicity flick
    (715, 1999),  // felicity tick
    (717, 718),   // feltie felty
    (718, 2042),  // felty valentina
    (718, 2043),  // felty valentine
    (719, 1656),  // ferbie pheriba
    (720, 721),   // ferdie ferdinand
    (720, 722),   // ferdie ferdinando
    (721, 750),   // ferdinand fred
    (721, 752),   // ferdinand freddie
    (721, 753),   // ferdinand freddy
    (722, 750),   // ferdinando fred
    (722, 1511),  // ferdinando nando
    (724, 1659),  // fie philander
    (725, 2123),  // field winfield
    (726, 1667),  // fifi phoebe
    (727, 1035),  // fina josephine
    (728, 729),   // fiona fionna
    (731, 733),   // flo florence
    (732, 733),   // flora florence
    (733, 734),   // florence flossy
    (735, 1249),  // floyd lloyd
    (737, 738),   // fran frances
    (737, 740),   // fran francine
    (737, 741),   // fran francis
    (737, 744),   // fran franklin
    (737, 745),   // fran franklind
    (737, 747),   // fran frannie
    (738, 739),   // frances francie
    (738, 743),   // frances frankie
    (738, 747),   // frances frannie
    (738, 748),   // frances franniey
    (738, 749),   // frances franny
    (738, 1890),  // frances sis
    (739, 740),   // francie francine
    (740, 747),   // francine frannie
    (740, 748),   // francine franniey
    (740, 749),   // francine franny
    (741, 742),   // francis frank
    (741, 743),   // francis frankie
    (742, 743),   // frank frankie
    (742, 744),   // frank franklin
    (742, 745),   // frank franklind
    (746, 2058),  // franky veronica
    (750, 755),   // fred frederick
    (750, 757),   // fred frieda
    (750, 2112),  // fred wilfred
    (750, 2115),  // fred will
    (750, 2117),  // fred willie
    (750, 2127),  // fred winnifred
    (751, 756),   // freda fredericka
    (751, 757),   // freda frieda
    (752, 755),   // freddie frederick
    (752, 757),   // freddie frieda
    (752, 2124),  // freddie winifred
    (752, 2127),  // freddie winnifred
    (753, 754),   // freddy frederica
    (753, 755),   // freddy frederick
    (753, 756),   // freddy fredericka
    (753, 757),   // freddy frieda
    (753, 2127),  // freddy winnifred
    (754, 755),   // frederica frederick
    (754, 1737),  // frederica rickey
    (755, 758),   // frederick fritz
    (755, 1735),  // frederick rick
    (755, 1739),  // frederick ricky
    (756, 757),   // fredericka frieda
    (756, 1736),  // fredericka ricka
    (756, 1737),  // fredericka rickey
    (759, 1903),  // frona sophronia
    (760, 1903),  // fronia sophronia
    (761, 2058),  // frony veronica
    (762, 764),   // gabby gabriel
    (762, 765),   // gabby gabriella
    (762, 766),   // gabby gabrielle
    (763, 764),   // gabe gabriel
    (768, 769),   // gare gareth
    (768, 772),   // gare garrett
    (769, 776),   // gareth gary
    (770, 772),   // garratt garrett
    (771, 772),   // garret garrett
    (772, 775),   // garrett garry
    (772, 776),   // garrett gary
    (772, 995),   // garrett jerry
    (772, 1722),  // garrett rhett
    (773, 774),   // garri garrick
    (778, 791),   // gay gerhardt
    (779, 981),   // gee jehu
    (781, 966),   // genevieve jean
    (781, 990),   // genevieve jenny
    (782, 783),   // geoff geoffrey
    (782, 979),   // geoff jeffrey
    (783, 975),   // geoffrey jeff
    (784, 787),   // george georgie
    (784, 788),   // george georgine
    (785, 786),   // georgia georgiana
    (789, 795),   // gerald gerry
    (789, 995),   // gerald jerry
    (790, 793),   // geraldine gerri
    (790, 794),   // geraldine gerrie
    (790, 795),   // geraldine gerry
    (790, 995),   // geraldine jerry
    (792, 995),   // geri jerry
    (795, 995),   // gerry jerry
    (796, 797),   // gert gertie
    (796, 798),   // gert gertrude
    (797, 798),   // gertie gertrude
    (798, 2036),  // gertrude trudy
    (799, 800),   // gil gilbert
    (800, 2109),  // gilbert wilber
    (801, 1711),  // gina regina
    (802, 2086),  // ginger virginia
    (803, 2086),  // ginny virginia
    (804, 805),   // gio giovanni
    (806, 807),   // glen glenn
    (808, 809),   // gloria glory
    (810, 818),   // gory gregory
    (811, 812),   // governor govie
    (813, 814),   // green greenberry
    (815, 818),   // greg gregory
    (816, 817),   // gregg greggory
    (819, 1343),  // greta margarita
    (820, 1341),  // gretchen margaret
    (821, 1341),  // gretta margaret
    (821, 1342),  // gretta margaretta
    (822, 823),   // griselda grissel
    (824, 1489),  // gum montgomery
    (824, 1490),  // gum monty
    (825, 826),   // gus gussie
    (825, 827),   // gus gustavus
    (826, 827),   // gussie gustavus
    (828, 829),   // gwen gwendolyn
    (828, 2103),  // gwen wendy
    (829, 2103),  // gwendolyn wendy
    (830, 848),   // hailey haylee
    (830, 850),   // hailey hayley
    (831, 840),   // hal harold
    (831, 859),   // hal henry
    (831, 897),   // hal howard
    (832, 1318),  // hallie mahala
    (833, 834),   // ham hamilton
    (835, 858),   // hank henrietta
    (835, 859),   // hank henry
    (836, 1012),  // hannah joanna
    (836, 1021),  // hannah johannah
    (836, 1509),  // hannah nan
    (836, 1512),  // hannah nanny
    (836, 1934),  // hannah susan
    (836, 1935),  // hannah susannah
    (837, 840),   // hap harold
    (837, 842),   // hap harrison
    (837, 843),   // hap harry
    (837, 859),   // hap henry
    (838, 840),   // haps harold
    (838, 842),   // haps harrison
    (838, 843),   // haps harry
    (838, 859),   // haps henry
    (839, 864),   // harman herman
    (840, 843),   // harold harry
    (841, 847),   // harriet hattie
    (842, 843),   // harrison harry
    (843, 859),   // harry henry
    (844, 893),   // harty hortense
    (845, 846),   // haseltine hassie
    (848, 850),   // haylee hayley
    (849, 949),   // haylen jalen
    (851, 869),   // heather hetty
    (853, 1188),  // helen lena
    (854, 1188),  // helena lena
    (854, 1529),  // helena nell
    (854, 1531),  // helena nellie
    (855, 1188),  // helene lena
    (856, 1251),  // heloise lois
    (857, 858),   // henny henrietta
    (858, 1539),  // henrietta nettie
    (858, 1719),  // henrietta retta
    (860, 876),   // hephsibah hipsie
    (861, 876),   // hepsibah hipsie
    (862, 863),   // herb herbert
    (865, 866),   // hermie hermione
    (867, 868),   // hessy hester
    (868, 869),   // hester hetty
    (869, 1406),  // hetty mehitabel
    (870, 871),   // hez hezekiah
    (871, 903),   // hezekiah hy
    (871, 1120),  // hezekiah kiah
    (872, 980),   // hiel jehiel
    (873, 874),   // hilary hillary
    (875, 876),   // hipsbibah hipsie
    (877, 903),   // hiram hy
    (878, 1406),  // hitty mehitabel
    (879, 1748),  // hob robert
    (880, 1748),  // hobkin robert
    (881, 945),   // hoda jahoda
    (882, 1755),  // hodge rodger
    (882, 1759),  // hodge roger
    (883, 945),   // hodie jahoda
    (884, 945),   // hody jahoda
    (885, 887),   // honey honora
    (886, 1197),  // honor leonore
    (887, 1570),  // honora nora
    (887, 1571),  // honora norah
    (887, 1578),  // honora norry
    (888, 889),   // hop hopkins
    (889, 890),   // hopkins hopp
    (891, 892),   // horace horry
    (893, 1969),  // hortense tensey
    (894, 895),   // hosea hosey
    (894, 896),   // hosea hosie
    (897, 898),   // howard howie
    (899, 900),   // hub hubert
    (900, 901),   // hubert hugh
    (901, 981),   // hugh jehu
    (902, 1676),  // humey posthuma
    (904, 1023),  // ian john
    (905, 923),   // ib isabel
    (905, 924),   // ib isabella
    (905, 925),   // ib isabelle
    (906, 907),   // iggy ignatius
    (906, 908),   // iggy ignatzio
    (907, 1505),  // ignatius nace
    (907, 1520),  // ignatius nate
    (907, 1523),  // ignatius natius
    (908, 1505),  // ignatzio nace
    (908, 1525),  // ignatzio naz
    (909, 922),   // ike isaac
    (910, 1336),  // immanuel manuel
    (911, 1169),  // ina lavina
    (911, 1170),  // ina lavinia
    (912, 913),   // india indie
    (912, 914),   // india indy
    (916, 1600),  // iona onnie
    (917, 1716),  // irene rena
    (918, 920),   // irv irving
    (919, 920),   // irvin irving
    (922, 2160),  // isaac zeke
    (923, 930),   // isabel issy
    (923, 1542),  // isabel nib
    (923, 1543),  // isabel nibby
    (923, 1998),  // isabel tibbie
    (924, 930),   // isabella issy
    (924, 1542),  // isabella nib
    (924, 1543),  // isabella nibby
    (924, 1998),  // isabella tibbie
    (925, 930),   // isabelle issy
    (925, 1542),  // isabelle nib
    (925, 1543),  // isabelle nibby
    (925, 1998),  // isabelle tibbie
    (926, 930),   // isadora issy
    (927, 934),   // isadore izzy
    (928, 2150),  // isaiah zadie
    (928, 2154),  // isaiah zay
    (929, 934),   // isidore izzy
    (931, 933),   // iva ivy
    (932, 1023),  // ivan john
    (935, 939),   // jaap jacob
    (936, 938),   // jack jackson
    (936, 941),   // jack jacqueline
    (936, 1023),  // jack john
    (937, 941),   // jackie jacqueline
    (939, 940),   // jacob jacobus
    (939, 947),   // jacob jake
    (939, 961),   // jacob jay
    (941, 942),   // jacqueline jacqui
    (943, 949),   // jaelin jalen
    (944, 949),   // jaelyn jalen
    (946, 949),   // jailyn jalen
    (947, 948),   // jake jakob
    (949, 961),   // jalen jay
    (949, 962),   // jalen jaye
    (949, 963),   // jalen jaylin
    (949, 964),   // jalen jaylyn
    (949, 1187),  // jalen len
    (949, 1189),  // jalen lennie
    (949, 1190),  // jalen lenny
    (950, 951),   // james jamey
    (950, 952),   // james jamie
    (950, 982),   // james jem
    (950, 1004),  // james jim
    (950, 1005),  // james jimmie
    (950, 1006),  // james jimmy
    (951, 952),   // jamey jamie
    (953, 955),   // jan janet
    (953, 956),   // jan janice
    (954, 957),   // jane janie
    (954, 966),   // jane jean
    (954, 968),   // jane jeanne
    (954, 988),   // jane jennie
    (954, 998),   // jane jessie
    (954, 1007),  // jane jincy
    (954, 1008),  // jane jinsy
    (954, 2086),  // jane virginia
    (955, 967),   // janet jeanette
    (955, 998),   // janet jessie
    (958, 1539),  // jannett nettie
    (959, 960),   // jap jasper
    (961, 965),   // jay jayme
    (966, 967),   // jean jeanette
    (966, 969),   // jean jeannie
    (967, 998),   // jeanette jessie
    (967, 1539),  // jeanette nettie
    (968, 969),   // jeanne jeannie
    (970, 971),   // jeb jebadiah
    (972, 973),   // jed jedediah
    (972, 974),   // jed jedidiah
    (975, 976),   // jeff jefferey
    (975, 977),   // jeff jefferson
    (975, 978),   // jeff jeffery
    (975, 979),   // jeff jeffrey
    (977, 1900),  // jefferson sonny
    (983, 1459),  // jemima mima
    (984, 989),   // jen jennifer
    (985, 986),   // jenn jennet
    (985, 989),   // jenn jennifer
    (986, 990),   // jennet jenny
    (986, 998),   // jennet jessie
    (987, 989),   // jenni jennifer
    (988, 989),   // jennie jennifer
    (988, 2086),  // jennie virginia
    (989, 990),   // jennifer jenny
    (991, 992),   // jereme jeremiah
    (991, 995),   // jereme jerry
    (992, 995),   // jeremiah jerry
    (993, 1000),  // jeremy jez
    (993, 1001),  // jeremy jezza
    (994, 1744),  // jerita rita
    (996, 997),   // jess jessica
    (996, 998),   // jess jessie
    (997, 998),   // jessica jessie
    (999, 1036),  // jettie josetta
    (1002, 1003), // jill jillian
    (1002, 1059), // jill julia
    (1004, 1005), // jim jimmie
    (1009, 1010), // jo joan
    (1009, 1011), // jo joann
    (1009, 1012), // jo joanna
    (1009, 1013), // jo joanne
    (1009, 1016), // jo jody
    (1009, 1020), // jo johanna
    (1009, 1021), // jo johannah
    (1009, 1035), // jo josephine
    (1009, 1042), // jo josophine
    (1010, 1012), // joan joanna
    (1010, 1021), // joan johannah
    (1010, 1568), // joan nonie
    (1012, 1015), // joanna jodi
    (1012, 1016), // joanna jody
    (1014, 1023), // jock john
    (1016, 1021), // jody johannah
    (1016, 1034), // jody joseph
    (1016, 1035), // jody josephine
    (1017, 1018), // joe joey
    (1017, 1034), // joe joseph
    (1017, 1039), // joe joshua
    (1018, 1034), // joey joseph
    (1018, 1035), // joey josephine
    (1018, 1042), // joey josophine
    (1019, 1023), // johann john
    (1021, 1568), // johannah nonie
    (1022, 1023), // johannes john
    (1022, 1026), // johannes johnny
    (1022, 1029), // johannes jonathan
    (1023, 1024), // john johnathan
    (1023, 1025), // john johnathon
    (1023, 1026), // john johnny
    (1023, 1028), // john jon
    (1023, 1029), // john jonathan
    (1023, 1030), // john jonathon
    (1023, 1031), // john jonnie
    (1023, 1032), // john jonny
    (1024, 1025), // johnathan johnathon
    (1024, 1027), // johnathan johny
    (1024, 1028), // johnathan jon
    (1024, 1029), // johnathan jonathan
    (1024, 1030), // johnathan jonathon
    (1024, 1031), // johnathan jonnie
    (1024, 1032), // johnathan jonny
    (1024, 1521), // johnathan nathan
    (1025, 1027), // johnathon johny
    (1025, 1028), // johnathon jon
    (1025, 1029), // johnathon jonathan
    (1025, 1030), // johnathon jonathon
    (1025, 1031), // johnathon jonnie
    (1025, 1032), // johnathon jonny
    (1026, 1028), // johnny jon
    (1027, 1029), // johny jonathan
    (1027, 1030), // johny jonathon
    (1028, 1029), // jon jonathan
    (1028, 1030), // jon jonathon
    (1028, 1031), // jon jonnie
    (1028, 1032), // jon jonny
    (1029, 1030), // jonathan jonathon
    (1029, 1031), // jonathan jonnie
    (1029, 1032), // jonathan jonny
    (1029, 1521), // jonathan nathan
    (1030, 1031), // jonathon jonnie
    (1030, 1032), // jonathon jonny
    (1033, 1034), // jos joseph
    (1033, 1039), // jos joshua
    (1033, 1040), // jos josiah
    (1035, 1037), // josephine josey
    (1035, 1041), // josephine josie
    (1035, 1653), // josephine pheney
    (1037, 1042), // josey josophine
    (1038, 1039), // josh joshua
    (1043, 1044), // joy joyce
    (1045, 1065), // jr junior
    (1046, 1539), // juanita nettie
    (1046, 1563), // juanita nita
    (1047, 1055), // jud judson
    (1048, 1054), // juda judith
    (1049, 1050), // judah jude
    (1049, 1051), // judah juder
    (1050, 1054), // jude judith
    (1052, 1054), // judi judith
    (1053, 1054), // judie judith
    (1054, 1056), // judith judy
    (1055, 1900), // judson sonny
    (1057, 1060), // jule julian
    (1057, 1061), // jule julias
    (1057, 1062), // jule julie
    (1058, 1059), // jules julia
    (1058, 1060), // jules julian
    (1058, 1061), // jules julias
    (1058, 1062), // jules julie
    (1059, 1062), // julia julie
    (1063, 1065), // june junior
    (1063, 1066), // june junius
    (1064, 1065), // junie junior
    (1067, 1068), // justin justina
    (1067, 1069), // justin juston
    (1067, 1070), // justin justus
    (1071, 1084), // k.c. kasey
    (1072, 1074), // kait kaitlin
    (1072, 1075), // kait kaitlyn
    (1072, 1076), // kait kaitlynn
    (1073, 1074), // kaitie kaitlin
    (1073, 1075), // kaitie kaitlyn
    (1073, 1076), // kaitie kaitlynn
    (1077, 1078), // kali kalli
    (1079, 1080), // kam kameron
    (1085, 2010), // katarina tina
    (1086, 1087), // kate katelin
    (1086, 1088), // kate katelyn
    (1086, 1089), // kate katherine
    (1086, 1091), // kate kathryn
    (1086, 1093), // kate katia
    (1086, 1095), // kate katy
    (1086, 1096), // kate kay
    (1087, 1096), // katelin kay
    (1087, 1097), // katelin kaye
    (1088, 1096), // katelyn kay
    (1088, 1097), // katelyn kaye
    (1089, 1092), // katherine kathy
    (1089, 1095), // katherine katy
    (1089, 1096), // katherine kay
    (1089, 1097), // katherine kaye
    (1089, 1131), // katherine kit
    (1089, 1132), // katherine kittie
    (1089, 1188), // katherine lena
    (1089, 2031), // katherine trina
    (1090, 1092), // kathleen kathy
    (1090, 1095), // kathleen katy
    (1090, 1096), // kathleen kay
    (1090, 1131), // kathleen kit
    (1090, 1132), // kathleen kittie
    (1090, 1188), // kathleen lena
    (1090, 2031), // kathleen trina
    (1091, 1092), // kathryn kathy
    (1091, 1094), // kathryn katie
    (1092, 1095), // kathy katy
    (1093, 1094), // katia katie
    (1094, 1095), // katie katy
    (1096, 1098), // kay kayla
    (1096, 1105), // kay kendra
    (1098, 1320), // kayla makayla
    (1099, 1100), // kelley kelli
    (1099, 1101), // kelley kellie
    (1099, 1102), // kelley kelly
    (1103, 1104), // ken kendall
    (1103, 1106), // ken kendrick
    (1103, 1107), // ken kendrik
    (1103, 1111), // ken kenneth
    (1103, 1112), // ken kenny
    (1103, 1113), // ken kent
    (1103, 1399), // ken mckenna
    (1104, 1112), // kendall kenny
    (1105, 1108), // kendra kenj
    (1105, 1109), // kendra kenji
    (1105, 1112), // kendra kenny
    (1106, 1111), // kendrick kenneth
    (1106, 1112), // kendrick kenny
    (1106, 1113), // kendrick kent
    (1107, 1112), // kendrik kenny
    (1110, 1399), // kenna mckenna
    (1111, 1112), // kenneth kenny
    (1112, 1113), // kenny kent
    (1114, 1301), // kenzy mackenzie
    (1115, 1116), // kerri kerry
    (1117, 1118), // kev kevin
    (1119, 1133), // keziah kizza
    (1119, 1134), // keziah kizzie
    (1123, 1124), // kim kimberley
    (1123, 1126), // kim kimberly
    (1124, 1125), // kimberley kimberli
    (1124, 1126), // kimberley kimberly
    (1125, 1126), // kimberli kimberly
    (1127, 1128), // king kingsley
    (1127, 1129), // king kingston
    (1131, 1132), // kit kittie
    (1135, 1136), // kris kristel
    (1135, 1139), // kris kristine
    (1135, 1140), // kris kristofer
    (1135, 1141), // kris kristoffer
    (1135, 1142), // kris kristopher
    (1139, 1143), // kristine kristy
    (1139, 2010), // kristine tina
    (1144, 1145), // kym kymberly
    (1146, 1243), // l.b. littleberry
    (1147, 1198), // l.r. leroy
    (1148, 1149), // lafayette laffie
    (1151, 1490), // lamont monty
    (1152, 2139), // lan yulan
    (1153, 1184), // lani leilani
    (1155, 1760), // lanny roland
    (1158, 1163), // larry laurence
    (1158, 1173), // larry lawrence
    (1159, 2012), // latisha tish
    (1159, 2013), // latisha tisha
    (1160, 1165), // laura laurinda
    (1161, 1164), // laurel laurie
    (1162, 1164), // lauren laurie
    (1162, 1715), // lauren ren
    (1163, 1254), // laurence lon
    (1163, 1256), // laurence lonny
    (1163, 1265), // laurence lorne
    (1163, 1268), // laurence lorry
    (1164, 1166), // laurie lauryn
    (1164, 1259), // laurie lorelei
    (1165, 1173), // laurinda lawrence
    (1167, 2054), // laveda veda
    (1168, 2055), // laverne verna
    (1168, 2057), // laverne vernon
    (1169, 2075), // lavina vina
    (1169, 2079), // lavina viney
    (1170, 2075), // lavinia vina
    (1170, 2079), // lavinia viney
    (1171, 2075), // lavonia vina
    (1171, 2079), // lavonia viney
    (1171, 2092), // lavonia vonnie
    (1171, 2134), // lavonia wyncha
    (1172, 2090), // lavonne von
    (1173, 1174), // lawrence lawrie
    (1173, 1254), // lawrence lon
    (1173, 1256), // lawrence lonny
    (1173, 1265), // lawrence lorne
    (1173, 1268), // lawrence lorry
    (1176, 1179), // lea leanne
    (1177, 1713), // leafa relief
    (1181, 1191), // lee lenora
    (1181, 1195), // lee leonidas
    (1181, 1198), // lee leroy
    (1181, 1208), // lee levi
    (1181, 1870), // lee shirley
    (1182, 1660), // leet philetus
    (1185, 1186), // lem lemuel
    (1187, 1194), // len leonard
    (1188, 1306), // lena madeline
    (1188, 1314), // lena magdalena
    (1188, 1315), // lena magdelina
    (1190, 1194), // lenny leonard
    (1191, 1570), // lenora nora
    (1192, 1193), // leo leon
    (1192, 1194), // leo leonard
    (1193, 1194), // leon leonard
    (1193, 1195), // leon leonidas
    (1193, 1237), // leon lionel
    (1193, 1515), // leon napoleon
    (1194, 1235), // leonard lineau
    (1196, 1529), // leonora nell
    (1196, 1531), // leonora nellie
    (1196, 1570), // leonora nora
    (1197, 1570), // leonore nora
    (1198, 1793), // leroy roy
    (1199, 1200), // les lesley
    (1199, 1201), // les leslie
    (1199, 1203), // les lester
    (1204, 1205), // letitia lettice
    (1204, 1206), // letitia lettie
    (1204, 2012), // letitia tish
    (1204, 2014), // letitia titia
    (1206, 2084), // lettie violetta
    (1209, 2071), // levicy vicy
    (1210, 2090), // levone von
    (1212, 1273), // lewis louis
    (1215, 1216), // lib libby
    (1217, 1294), // lidia lyddy
    (1220, 1223), // lil lillah
    (1220, 1224), // lil lillian
    (1220, 1225), // lil lilly
    (1220, 1226), // lil lily
    (1222, 1882), // liley silence
    (1223, 1225), // lillah lilly
    (1223, 1226), // lillah lily
    (1223, 1253), // lillah lolly
    (1224, 1225), // lillian lilly
    (1224, 1253), // lillian lolly
    (1225, 1226), // lilly lily
    (1227, 1631), // lina paula
    (1227, 1632), // lina paulina
    (1228, 1236), // lincoln link
    (1229, 1234), // linda lindy
    (1229, 1297), // linda lynn
    (1229, 1411), // linda melinda
    (1229, 1661), // linda philinda
    (1229, 1775), // linda rosalinda
    (1229, 1776), // linda rosalyn
    (1230, 1231), // lindsay lindsey
    (1230, 1232), // lindsay lindsie
    (1230, 1233), // lindsay lindsy
    (1234, 1296), // lindy lyndon
    (1234, 1297), // lindy lynn
    (1234, 1325), // lindy malinda
    (1234, 1411), // lindy melinda
    (1234, 1661), // lindy philinda
    (1238, 1245), // lisa liz
    (1238, 1412), // lisa melissa
    (1240, 1412), // lissa melissa
    (1242, 1243), // little littleberry
    (1244, 1590), // livia olive
    (1244, 1592), // livia olivia
    (1245, 1247), // liz lizzie
    (1250, 1418), // lodi melody
    (1251, 1271), // lois lou
    (1251, 1274), // lois louisa
    (1251, 1275), // lois louise
    (1254, 1257), // lon lonzo
    (1258, 1813), // loomie salome
    (1259, 1263), // lorelei lori
    (1259, 1267), // lorelei lorrie
    (1260, 1261), // loren lorenzo
    (1262, 1264), // loretta lorie
    (1262, 1267), // loretta lorrie
    (1262, 1719), // loretta retta
    (1264, 1266), // lorie lorraine
    (1266, 1267), // lorraine lorrie
    (1269, 1270), // lotta lottie
    (1271, 1273), // lou louis
    (1271, 1274), // lou louisa
    (1271, 1275), // lou louise
    (1271, 1277), // lou lu
    (1271, 1281), // lou lucille
    (1271, 1283), // lou lucinda
    (1272, 1273), // louie louis
    (1273, 1275), // louis louise
    (1276, 2075), // louvinia vina
    (1276, 2079), // louvinia viney
    (1276, 2092), // louvinia vonnie
    (1276, 2134), // louvinia wyncha
    (1277, 1281), // lu lucille
    (1277, 1283), // lu lucinda
    (1277, 1287), // lu luella
    (1278, 1288), // lucas luke
    (1279, 1284), // lucia lucius
    (1279, 1286), // lucia lucy
    (1280, 1288), // lucias luke
    (1281, 1286), // lucille lucy
    (1282, 1888), // lucina sinah
    (1283, 1286), // lucinda lucy
    (1287, 1289), // luella lula
    (1288, 1293), // luke luther
    (1290, 1539), // lunetta nettie
    (1291, 1292), // lura lurana
    (1294, 1295), // lyddy lydia
    (1296, 1297), // lyndon lynn
    (1297, 1411), // lynn melinda
    (1297, 1661), // lynn philinda
    (1298, 1406), // mabel mehitabel
    (1299, 1300), // mac mack
    (1299, 1301), // mac mackenzie
    (1299, 1324), // mac malcolm
    (1299, 1398), // mac mc
    (1300, 1301), // mack mackenzie
    (1300, 1398), // mack mc
    (1302, 1304), // maddi maddison
    (1302, 1306), // maddi madeline
    (1303, 1304), // maddie maddison
    (1303, 1306), // maddie madeline
    (1305, 1306), // maddy madeline
    (1305, 1307), // maddy madelyn
    (1305, 1308), // maddy madge
    (1305, 1310), // maddy madison
    (1306, 1308), // madeline madge
    (1306, 1309), // madeline madie
    (1306, 1313), // madeline magda
    (1306, 1316), // madeline maggie
    (1306, 1386), // madeline maud
    (1307, 1309), // madelyn madie
    (1308, 1315), // madge magdelina
    (1308, 1341), // madge margaret
    (1308, 1342), // madge margaretta
    (1308, 1343), // madge margarita
    (1310, 1383), // madison mattie
    (1311, 1354), // mae marie
    (1311, 1355), // mae marietta
    (1311, 1372), // mae mary
    (1311, 1397), // mae may
    (1312, 1403), // maegen meg
    (1313, 1315), // magda magdelina
    (1314, 1316), // magdalena maggie
    (1315, 1316), // magdelina maggie
    (1316, 1341), // maggie margaret
    (1316, 1342), // maggie margaretta
    (1316, 1343), // maggie margarita
    (1317, 1341), // maggy margaret
    (1319, 1343), // maisie margarita
    (1321, 1324), // mal malcolm
    (1322, 1326), // malachi mally
    (1323, 1324), // malc malcolm
    (1327, 1355), // mamie marietta
    (1327, 1372), // mamie mary
    (1328, 1330), // manda mandy
    (1330, 1469), // mandy miranda
    (1331, 1464), // manerva minerva
    (1331, 1535), // manerva nerva
    (1331, 1536), // manerva nervie
    (1332, 1336), // manny manuel
    (1333, 1564), // manoah noah
    (1334, 1569), // manola nonnie
    (1335, 1816), // mantha samantha
    (1337, 1340), // marc marcus
    (1338, 1364), // marcia marsha
    (1339, 1364), // marcie marsha
    (1340, 1361), // marcus mark
    (1341, 1344), // margaret marge
    (1341, 1345), // margaret margery
    (1341, 1346), // margaret margie
    (1341, 1349), // margaret margy
    (1341, 1403), // margaret meg
    (1341, 1442), // margaret midge
    (1341, 1634), // margaret peg
    (1341, 1636), // margaret peggy
    (1341, 1744), // margaret rita
    (1342, 1344), // margaretta marge
    (1342, 1345), // margaretta margery
    (1342, 1346), // margaretta margie
    (1342, 1403), // margaretta meg
    (1342, 1442), // margaretta midge
    (1342, 1634), // margaretta peg
    (1342, 1636), // margaretta peggy
    (1342, 1744), // margaretta rita
    (1343, 1344), // margarita marge
    (1343, 1347), // margarita margo
    (1343, 1403), // margarita meg
    (1343, 1404), // margarita megan
    (1343, 1430), // margarita metta
    (1343, 1442), // margarita midge
    (1343, 1635), // margarita peggie
    (1343, 1744), // margarita rita
    (1344, 1345), // marge margery
    (1346, 1360), // margie marjorie
    (1348, 1636), // marguerite peggy
    (1349, 1360), // margy marjorie
    (1350, 1351), // maria mariah
    (1350, 1355), // maria marietta
    (1351, 1355), // mariah marietta
    (1351, 1372), // mariah mary
    (1352, 1353), // marian marianna
    (1352, 1357), // marian marion
    (1354, 1355), // marie marietta
    (1354, 1372), // marie mary
    (1354, 1783), // marie rosemary
    (1355, 1357), // marietta marion
    (1355, 1372), // marietta mary
    (1355, 1387), // marietta maureen
    (1355, 1397), // marietta may
    (1355, 1425), // marietta mercy
    (1355, 1466), // marietta minnie
    (1355, 1476), // marietta mitzi
    (1355, 1479), // marietta mollie
    (1355, 1480), // marietta molly
    (1355, 1675), // marietta polly
    (1356, 1372), // marilyn mary
    (1357, 1372), // marion mary
    (1359, 1743), // marissa rissa
    (1362, 1363), // marni marnie
    (1364, 1372), // marsha mary
    (1365, 1369), // martha marty
    (1365, 1375), // martha mat
    (1365, 1383), // martha mattie
    (1365, 1627), // martha patsy
    (1365, 1629), // martha patty
    (1366, 1369), // martin marty
    (1367, 2010), // martina tina
    (1368, 2011), // martine tine
    (1370, 1371), // marv marvin
    (1372, 1387), // mary maureen
    (1372, 1476), // mary mitzi
    (1372, 1480), // mary molly
    (1372, 1675), // mary polly
    (1372, 1783), // mary rosemary
    (1373, 1374), // masa masayuki
    (1375, 1376), // mat mathew
    (1375, 1383), // mat mattie
    (1376, 1379), // mathew matt
    (1376, 1385), // mathew maty
    (1377, 1629), // mathilda patty
    (1377, 2005), // mathilda tillie
    (1378, 1384), // matilda matty
    (1378, 1386), // matilda maud
    (1378, 2004), // matilda tilla
    (1378, 2006), // matilda tilly
    (1379, 1380), // matt matthew
    (1379, 1381), // matt matthews
    (1379, 1382), // matt matthias
    (1380, 1383), // matthew mattie
    (1380, 1384), // matthew matty
    (1380, 1991), // matthew thias
    (1380, 1997), // matthew thys
    (1381, 1383), // matthews mattie
    (1381, 1384), // matthews matty
    (1382, 1991), // matthias thias
    (1382, 1997), // matthias thys
    (1386, 1441), // maud middy
    (1388, 1491), // maurice morey
    (1389, 1390), // mave mavery
    (1389, 1391), // mave mavine
    (1392, 1393), // max maximilian
    (1392, 1394), // max maximillian
    (1392, 1395), // max maxine
    (1392, 1396), // max maxwell
    (1399, 1400), // mckenna meaka
    (1403, 1404), // meg megan
    (1403, 1405), // meg meghan
    (1406, 1475), // mehitabel mitty
    (1407, 1411), // mel melinda
    (1407, 1412), // mel melissa
    (1407, 1419), // mel melvin
    (1408, 1414), // melanie mellie
    (1409, 2151), // melchizedek zadock
    (1410, 1618), // melia parmelia
    (1411, 1463), // melinda mindy
    (1412, 1458), // melissa milly
    (1412, 1471), // melissa missy
    (1413, 1415), // mellia mellony
    (1414, 1644), // mellie permelia
    (1416, 1644), // melly permelia
    (1420, 2075), // melvina vina
    (1422, 1666), // menaalmena philomena
    (1423, 1424), // mercedes merci
    (1423, 1425), // mercedes mercy
    (1423, 1807), // mercedes sadie
    (1426, 1503), // mert myrtle
    (1427, 1428), // merv mervin
    (1427, 1429), // merv mervyn
    (1432, 1434), // micah michael
    (1434, 1437), // michael mick
    (1434, 1438), // michael mickey
    (1434, 1439), // michael micky
    (1434, 1450), // michael miguel
    (1434, 1452), // michael mike
    (1434, 1453), // michael mikey
    (1435, 1452), // micheal mike
    (1435, 1453), // micheal mikey
    (1435, 1454), // micheal miky
    (1436, 1438), // michelle mickey
    (1436, 1857), // michelle shelley
    (1436, 1858), // michelle shellie
    (1436, 1859), // michelle shelly
    (1436, 1861), // michelle shely
    (1437, 1439), // mick micky
    (1437, 1452), // mick mike
    (1439, 1452), // micky mike
    (1443, 1450), // miggy miguel
    (1444, 1450), // miguael miguel
    (1445, 1450), // miguaell miguel
    (1446, 1450), // miguail miguel
    (1447, 1450), // miguaill miguel
    (1448, 1450), // miguayl miguel
    (1449, 1450), // miguayll miguel
    (1450, 1451), // miguel miguell
    (1450, 1452), // miguel mike
    (1455, 1458), // mildred milly
    (1456, 1458), // millicent milly
    (1456, 1471), // millicent missy
    (1458, 1618), // milly parmelia
    (1458, 1644), // milly permelia
    (1460, 1470), // mimi miriam
    (1461, 2114), // mina wilhelmina
    (1464, 1466), // minerva minnie
    (1466, 2114), // minnie wilhelmina
    (1468, 1469), // mira miranda
    (1469, 1696), // miranda randi
    (1469, 1699), // miranda randy
    (1470, 1476), // miriam mitzi
    (1470, 1477), // miriam mitzie
    (1472, 1473), // mitch mitchell
    (1474, 1476), // mittie mitzi
    (1474, 1477), // mittie mitzie
    (1475, 1476), // mitty mitzi
    (1475, 1477), // mitty mitzie
    (1481, 1694), // mona ramona
    (1482, 1539), // monet nettie
    (1483, 1484), // monica monna
    (1483, 1485), // monica monnie
    (1486, 1487), // monte monteleon
    (1488, 1490), // montesque monty
    (1489, 1490), // montgomery monty
    (1491, 1492), // morey morris
    (1491, 1847), // morey seymour
    (1493, 1494), // mort mortimer
    (1495, 1496), // mose moses
    (1496, 1497), // moses moss
    (1498, 1499), // mur muriel
    (1500, 1821), // myra samyra
    (1501, 1503), // myrt myrtle
    (1502, 1503), // myrti myrtle
    (1506, 1507), // nada nadine
    (1508, 1712), // naldo reginald
    (1508, 1765), // naldo ronald
    (1509, 1510), // nan nancy
    (1510, 1512), // nancy nanny
    (1513, 1595), // naomi omi
    (1514, 1515), // nap napoleon
    (1515, 1516), // napoleon nappy
    (1517, 1519), // nat natasha
    (1517, 1521), // nat nathan
    (1517, 1522), // nat nathaniel
    (1518, 1524), // natalie natty
    (1518, 1539), // natalie nettie
    (1519, 1959), // natasha tasha
    (1520, 1521), // nate nathan
    (1520, 1522), // nate nathaniel
    (1521, 1522), // nathan nathaniel
    (1522, 1524), // nathaniel natty
    (1522, 1981), // nathaniel than
    (1530, 1532), // nelle nelly
    (1531, 1650), // nellie petronella
    (1533, 1534), // nels nelson
    (1537, 2050), // nessa vanessa
    (1539, 1645), // nettie pernetta
    (1540, 1541), // newt newton
    (1544, 1546), // nic nicholas
    (1544, 1556), // nic nicodemus
    (1544, 1557), // nic nicolas
    (1544, 1561), // nic nikolas
    (1545, 2056), // nicey vernisee
    (1546, 1550), // nicholas nick
    (1546, 1553), // nicholas nickie
    (1546, 1554), // nicholas nicky
    (1546, 1555), // nicholas nico
    (1547, 1548), // nichole nicholette
    (1548, 1551), // nicholette nickey
    (1548, 1552), // nicholette nicki
    (1548, 1554), // nicholette nicky
    (1548, 1558), // nicholette nicole
    (1548, 1560), // nicholette nikki
    (1549, 2038), // nicie unice
    (1550, 1556), // nick nicodemus
    (1550, 1557), // nick nicolas
    (1550, 1561), // nick nikolas
    (1552, 1558), // nicki nicole
    (1553, 1556), // nickie nicodemus
    (1553, 1557), // nickie nicolas
    (1553, 1561), // nickie nikolas
    (1554, 1556), // nicky nicodemus
    (1554, 1557), // nicky nicolas
    (1554, 1558), // nicky nicole
    (1554, 1561), // nicky nikolas
    (1555, 1556), // nico nicodemus
    (1555, 1557), // nico nicolas
    (1555, 1561), // nico nikolas
    (1558, 1560), // nicole nikki
    (1558, 1566), // nicole nole
    (1560, 1562), // nikki nikole
    (1565, 1579), // noel nowell
    (1567, 1590), // nollie olive
    (1567, 1592), // nollie olivia
    (1568, 1570), // nonie nora
    (1572, 1575), // norbert norby
    (1573, 1574), // norbu norbusamte
    (1576, 1577), // norm norman
    (1580, 1581), // obadiah obed
    (1580, 1584), // obadiah obie
    (1581, 1583), // obed obedience
    (1582, 1584), // obediah obie
    (1585, 1961), // octavia tave
    (1585, 1962), // octavia tavia
    (1586, 1612), // ode otis
    (1587, 1588), // odell odo
    (1589, 2083), // ola viola
    (1590, 1593), // olive ollie
    (1591, 1593), // oliver ollie
    (1592, 1593), // olivia ollie
    (1594, 1796), // olph rudolph
    (1594, 1797), // olph rudolphus
    (1596, 2135), // ona yeona
    (1597, 1598), // one onicyphorous
    (1598, 1606), // onicyphorous osaforum
    (1598, 1607), // onicyphorous osaforus
    (1598, 1947), // onicyphorous syphorous
    (1599, 2135), // onie yeona
    (1601, 1988), // ophi theophilus
    (1602, 1603), // ora orilla
    (1603, 1742), // orilla rilly
    (1604, 1760), // orlando roland
    (1605, 1651), // orphelia phelia
    (1608, 1609), // ossy oswald
    (1608, 1613), // ossy ozzy
    (1608, 2093), // ossy waldo
    (1609, 1613), // oswald ozzy
    (1609, 2093), // oswald waldo
    (1610, 1612), // ote otis
    (1611, 1989), // otha theotha
    (1613, 2093), // ozzy waldo
    (1614, 1626), // paddy patrick
    (1615, 1616), // pam pamela
    (1619, 1620), // parsuny parthenia
    (1620, 1621), // parthenia pasoonie
    (1620, 1654), // parthenia phenie
    (1620, 1965), // parthenia teeny
    (1622, 1624), // pat patience
    (1622, 1625), // pat patricia
    (1622, 1626), // pat patrick
    (1623, 1626), // pate patrick
    (1623, 1649), // pate peter
    (1624, 1629), // patience patty
    (1625, 1627), // patricia patsy
    (1625, 1628), // patricia patti
    (1625, 1629), // patricia patty
    (1625, 2030), // patricia tricia
    (1625, 2032), // patricia trish
    (1625, 2033), // patricia trisha
    (1626, 1627), // patrick patsy
    (1626, 1649), // patrick peter
    (1627, 1629), // patsy patty
    (1630, 1675), // paul polly
    (1631, 1675), // paula polly
    (1632, 1675), // paulina polly
    (1633, 1675), // pauline polly
    (1634, 1636), // peg peggy
    (1637, 1646), // pelegrine perry
    (1638, 1640), // penelope penny
    (1639, 1663), // penie philipina
    (1641, 1642), // percival percy
    (1643, 1646), // peregrine perry
    (1647, 1842), // persephone seph
    (1647, 1843), // persephone sephy
    (1648, 1649), // pete peter
    (1652, 2037), // phena tryphena
    (1655, 1656), // pherbia pheriba
    (1657, 1660), // phil philetus
    (1657, 1662), // phil philip
    (1657, 1664), // phil phillip
    (1662, 1670), // philip pip
    (1663, 1667), // philipina phoebe
    (1663, 1670), // philipina pip
    (1664, 1670), // phillip pip
    (1668, 1669), // pinckney pink
    (1671, 1672), // pleasant ples
    (1673, 1674), // pocahontas pokey
    (1677, 1678), // pres prescott
    (1678, 1832), // prescott scott
    (1678, 1834), // prescott scotty
    (1679, 1680), // priscilla prissy
    (1681, 1682), // providence provy
    (1683, 1684), // prudence prudy
    (1683, 1685), // prudence prue
    (1687, 2029), // quilla tranquilla
    (1689, 1690), // rachael rachel
    (1690, 1859), // rachel shelly
    (1691, 1692), // rafa rafaela
    (1693, 1700), // ralph raphael
    (1695, 1699), // randall randy
    (1697, 1699), // randolf randy
    (1698, 1699), // randolph randy
    (1702, 1703), // ray raymond
    (1706, 1707), // reba rebecca
    (1709, 1710), // reg reggie
    (1709, 1712), // reg reginald
    (1710, 1711), // reggie regina
    (1710, 1712), // reggie reginald
    (1712, 1718), // reginald renny
    (1712, 1721), // reginald reynold
    (1716, 1844), // rena serena
    (1720, 1795), // reuben rube
    (1723, 1756), // rhoda rodie
    (1725, 1726), // rhyna rhynie
    (1727, 2039), // riah uriah
    (1730, 1735), // ricardo rick
    (1730, 1739), // ricardo ricky
    (1731, 1732), // rich richard
    (1731, 1735), // rich rick
    (1731, 1739), // rich ricky
    (1732, 1734), // richard richie
    (1732, 1735), // richard rick
    (1732, 1739), // richard ricky
    (1735, 1739), // rick ricky
    (1738, 1754), // rickie roderick
    (1741, 1846), // rilla serilla
    (1745, 1748), // rob robert
    (1745, 1750), // rob roberto
    (1746, 1749), // robbie roberta
    (1747, 1748), // robby robert
    (1748, 1800), // robert rupert
    (1749, 1751), // roberta roby
    (1752, 1754), // rod roderick
    (1752, 1755), // rod rodger
    (1752, 1757), // rod rodney
    (1752, 1759), // rod roger
    (1753, 1754), // roddy roderick
    (1755, 1758), // rodger roge
    (1755, 1759), // rodger roger
    (1758, 1759), // roge roger
    (1760, 1762), // roland rollo
    (1760, 1763), // roland rolly
    (1761, 1796), // rolf rudolph
    (1761, 1797), // rolf rudolphus
    (1764, 1765), // ron ronald
    (1764, 1768), // ron ronnie
    (1764, 1769), // ron ronny
    (1764, 2058), // ron veronica
    (1765, 1768), // ronald ronnie
    (1765, 1769), // ronald ronny
    (1766, 2058), // ronie veronica
    (1767, 2058), // ronna veronica
    (1768, 2058), // ronnie veronica
    (1769, 2058), // ronny veronica
    (1770, 1771), // rosa rosabel
    (1770, 1772), // rosa rosabella
    (1770, 1775), // rosa rosalinda
    (1770, 1776), // rosa rosalyn
    (1770, 1778), // rosa rose
    (1771, 1778), // rosabel rose
    (1771, 1794), // rosabel roz
    (1772, 1778), // rosabella rose
    (1772, 1794), // rosabella roz
    (1775, 1778), // rosalinda rose
    (1775, 1794), // rosalinda roz
    (1776, 1778), // rosalyn rose
    (1776, 1794), // rosalyn roz
    (1777, 1787), // roscoe ross
    (1778, 1779), // rose roseann
    (1778, 1780), // rose roseanna
    (1778, 1783), // rose rosemary
    (1778, 1785), // rose rosie
    (1778, 1790), // rose roxanna
    (1778, 1791), // rose roxanne
    (1779, 1785), // roseann rosie
    (1779, 1794), // roseann roz
    (1780, 1785), // roseanna rosie
    (1780, 1794), // roseanna roz
    (1782, 1783), // rosemarie rosemary
    (1783, 1784), // rosemary rosey
    (1786, 1887), // rosina sina
    (1788, 1789), // rox roxane
    (1789, 1792), // roxane roxie
    (1790, 1792), // roxanna roxie
    (1791, 1792), // roxanne roxie
    (1796, 1798), // rudolph rudy
    (1797, 1798), // rudolphus rudy
    (1801, 1802), // russ russell
    (1802, 1803), // russell rusty
    (1804, 1805), // ry ryan
    (1807, 1826), // sadie sarah
    (1808, 1809), // safie safieel
    (1810, 1814), // sal salvador
    (1810, 1897), // sal solomon
    (1811, 1814), // sally salvador
    (1811, 1826), // sally sarah
    (1812, 1897), // salmon solomon
    (1815, 1816), // sam samantha
    (1815, 1817), // sam sammy
    (1815, 1818), // sam sampson
    (1815, 1819), // sam samson
    (1815, 1820), // sam samuel
    (1815, 1821), // sam samyra
    (1816, 1817), // samantha sammy
    (1817, 1818), // sammy sampson
    (1817, 1819), // sammy samson
    (1817, 1820), // sammy samuel
    (1817, 1821), // sammy samyra
    (1822, 1823), // sandra sandy
    (1823, 1824), // sandy sanford
    (1825, 1826), // sara sarah
    (1827, 1883), // sarilla silla
    (1828, 1897), // saul solomon
    (1829, 1830), // savanna savannah
    (1830, 2053), // savannah vannie
    (1831, 1832), // sceeter scott
    (1832, 1833), // scott scottie
    (1832, 1834), // scott scotty
    (1832, 1904), // scott squat
    (1835, 1836), // seb sebastian
    (1836, 1837), // sebastian sebby
    (1838, 1847), // see seymour
    (1848, 1849), // sha shaina
    (1848, 1850), // sha sharon
    (1849, 1853), // shaina shay
    (1850, 1853), // sharon shay
    (1851, 1852), // shaun shawn
    (1855, 1860), // shel shelton
    (1856, 1859), // sheldon shelly
    (1859, 1860), // shelly shelton
    (1860, 2019), // shelton tony
    (1862, 1864), // sher sheridan
    (1862, 1868), // sher sheryl
    (1863, 1868), // sheri sheryl
    (1865, 1868), // sherri sheryl
    (1866, 1868), // sherry sheryl
    (1866, 1870), // sherry shirley
    (1867, 1868), // sherryl sheryl
    (1869, 1870), // shirl shirley
    (1871, 1881), // si silas
    (1871, 1884), // si silvester
    (1871, 1885), // si simeon
    (1871, 1886), // si simon
    (1871, 1946), // si sylvester
    (1872, 1874), // sibbell sibbilla
    (1873, 1874), // sibbie sibbilla
    (1873, 1941), // sibbie sybill
    (1874, 1941), // sibbilla sybill
    (1875, 1876), // sid sidney
    (1875, 1878), // sid sigfired
    (1875, 1879), // sid sigfrid
    (1875, 1943), // sid sydney
    (1876, 1942), // sidney syd
    (1877, 1880), // sig sigismund
    (1884, 1891), // silvester sly
    (1884, 1944), // silvester syl
    (1884, 2061), // silvester vest
    (1884, 2062), // silvester vester
    (1885, 1889), // simeon sion
    (1886, 1889), // simon sion
    (1891, 1945), // sly sylvanus
    (1891, 1946), // sly sylvester
    (1892, 1893), // smith smitty
    (1895, 1897), // sol solomon
    (1896, 1897), // solly solomon
    (1897, 2163), // solomon zolly
    (1898, 1899), // sondra sonnie
    (1901, 1902), // sophia sophie
    (1901, 1903), // sophia sophronia
    (1905, 1906), // stacey staci
    (1905, 1908), // stacey stacie
    (1905, 1909), // stacey stacy
    (1906, 1908), // staci stacie
    (1906, 1909), // staci stacy
    (1908, 1909), // stacie stacy
    (1911, 1917), // steffi stephanie
    (1912, 1917), // steffie stephanie
    (1914, 1917), // steph stephanie
    (1914, 1919), // steph stephen
    (1914, 1923), // steph steven
    (1915, 1922), // stephan steve
    (1916, 1917), // stephani stephanie
    (1917, 1918), // stephanie stephany
    (1917, 1920), // stephanie stephie
    (1917, 1921), // stephanie stephine
    (1917, 1924), // stephanie stevie
    (1919, 1922), // stephen steve
    (1922, 1923), // steve steven
    (1923, 1924), // steven stevie
    (1925, 1926), // stu stuart
    (1927, 1934), // sue susan
    (1927, 1935), // sue susannah
    (1927, 1936), // sue susie
    (1927, 1937), // sue suzanne
    (1928, 1934), // sukey susan
    (1928, 1935), // sukey susannah
    (1929, 1937), // suki suzanne
    (1930, 2040), // sula ursula
    (1931, 2040), // sulie ursula
    (1932, 1933), // sullivan sully
    (1932, 2047), // sullivan van
    (1934, 1936), // susan susie
    (1934, 1938), // susan suzie
    (1935, 1936), // susannah susie
    (1936, 1937), // susie suzanne
    (1936, 1938), // susie suzie
    (1940, 1946), // sy sylvester
    (1944, 1945), // syl sylvanus
    (1944, 1946), // syl sylvester
    (1946, 2060), // sylvester vessie
    (1946, 2062), // sylvester vester
    (1946, 2063), // sylvester vet
    (1948, 1949), // tabby tabitha
    (1951, 1954), // tamarra tammy
    (1952, 1953), // tami tammie
    (1952, 1954), // tami tammy
    (1953, 1954), // tammie tammy
    (1955, 1995), // tamzine thomasa
    (1956, 1957), // tanafra tanny
    (1958, 1959), // tash tasha
    (1959, 1960), // tasha tashie
    (1963, 1964), // ted teddy
    (1963, 1985), // ted theodore
    (1964, 1985), // teddy theodore
    (1967, 1968), // temperance tempy
    (1970, 1975), // terence terry
    (1971, 1975), // teresa terry
    (1971, 1976), // teresa tess
    (1971, 1977), // teresa tessa
    (1971, 1978), // teresa tessie
    (1972, 1973), // teri terri
    (1973, 1974), // terri terrie
    (1973, 1975), // terri terry
    (1975, 1990), // terry theresa
    (1976, 1990), // tess theresa
    (1977, 1990), // tessa theresa
    (1978, 1990), // tessie theresa
    (1979, 1980), // thad thaddeus
    (1983, 1985), // theo theodore
    (1983, 1986), // theo theodosia
    (1986, 1987), // theodosia theodosius
    (1990, 1992), // theresa thirza
    (1990, 1996), // theresa thursa
    (1990, 2025), // theresa traci
    (1990, 2026), // theresa tracie
    (1990, 2027), // theresa tracy
    (1993, 1994), // thom thomas
    (1993, 2017), // thom tom
    (1993, 2018), // thom tommy
    (1994, 2017), // thomas tom
    (1994, 2018), // thomas tommy
    (2000, 2001), // tiff tiffany
    (2001, 2002), // tiffany tiffy
    (2003, 2005), // tilford tillie
    (2007, 2008), // tim timmy
    (2007, 2009), // tim timothy
    (2008, 2009), // timmy timothy
    (2012, 2013), // tish tisha
    (2015, 2016), // tobias toby
    (2017, 2018), // tom tommy
    (2020, 2070), // tori victoria
    (2021, 2070), // torie victoria
    (2022, 2070), // torri victoria
    (2023, 2070), // torrie victoria
    (2024, 2070), // tory victoria
    (2028, 2029), // trannie tranquilla
    (2032, 2033), // trish trisha
    (2034, 2035), // trix trixie
    (2041, 2042), // val valentina
    (2041, 2044), // val valeri
    (2041, 2045), // val valerie
    (2042, 2046), // valentina vallie
    (2044, 2045), // valeri valerie
    (2049, 2053), // vandalia vannie
    (2050, 2052), // vanessa vanna
    (2058, 2092), // veronica vonnie
    (2064, 2083), // vi viola
    (2064, 2089), // vi vivian
    (2065, 2066), // vic vicki
    (2065, 2067), // vic vickie
    (2065, 2068), // vic vicky
    (2065, 2069), // vic victor
    (2065, 2070), // vic victoria
    (2065, 2077), // vic vincent
    (2065, 2078), // vic vincenzo
    (2066, 2067), // vicki vickie
    (2066, 2068), // vicki vicky
    (2066, 2070), // vicki victoria
    (2067, 2070), // vickie victoria
    (2068, 2070), // vicky victoria
    (2072, 2073), // vij vijay
    (2074, 2077), // vin vincent
    (2074, 2078), // vin vincenzo
    (2074, 2082), // vin vinson
    (2076, 2077), // vince vincent
    (2076, 2078), // vince vincenzo
    (2076, 2082), // vince vinson
    (2077, 2080), // vincent vinnie
    (2077, 2081), // vincent vinny
    (2078, 2080), // vincenzo vinnie
    (2078, 2081), // vincenzo vinny
    (2080, 2082), // vinnie vinson
    (2081, 2082), // vinny vinson
    (2086, 2087), // virginia virgy
    (2088, 2089), // viv vivian
    (2091, 2140), // vonna yvonne
    (2094, 2095), // wallace wally
    (2095, 2096), // wally walt
    (2095, 2097), // wally walter
    (2096, 2097), // walt walter
    (2098, 2099), // wash washington
    (2100, 2101), // webb webster
    (2102, 2103), // wen wendy
    (2104, 2105), // wes wesley
    (2104, 2107), // wes westley
    (2106, 2107), // west westley
    (2108, 2112), // wil wilfred
    (2108, 2113), // wil wilhelm
    (2108, 2116), // wil william
    (2109, 2115), // wilber will
    (2110, 2115), // wilbur will
    (2110, 2117), // wilbur willie
    (2110, 2119), // wilbur willy
    (2111, 2117), // wilda willie
    (2112, 2115), // wilfred will
    (2112, 2117), // wilfred willie
    (2113, 2117), // wilhelm willie
    (2114, 2117), // wilhelmina willie
    (2114, 2120), // wilhelmina wilma
    (2115, 2116), // will william
    (2115, 2117), // will willie
    (2115, 2121), // will wilson
    (2116, 2117), // william willie
    (2116, 2119), // william willy
    (2116, 2120), // william wilma
    (2117, 2121), // willie wilson
    (2118, 2119), // willis willy
    (2119, 2121), // willy wilson
    (2122, 2123), // win winfield
    (2123, 2128), // winfield winny
    (2124, 2125), // winifred winnet
    (2124, 2126), // winifred winnie
    (2126, 2127), // winnie winnifred
    (2127, 2128), // winnifred winny
    (2129, 2130), // wint winton
    (2131, 2132), // wood woodrow
    (2132, 2133), // woodrow woody
    (2136, 2137), // yoshi yoshihiko
    (2138, 2139), // yul yulan
    (2141, 2143), // zac zachariah
    (2141, 2144), // zac zachary
    (2141, 2145), // zac zachery
    (2142, 2143), // zach zachariah
    (2142, 2144), // zach zachary
    (2142, 2145), // zach zachery
    (2142, 2147), // zach zack
    (2142, 2152), // zach zak
    (2143, 2146), // zachariah zachy
    (2143, 2147), // zachariah zack
    (2143, 2152), // zachariah zak
    (2143, 2153), // zachariah zakk
    (2143, 2160), // zachariah zeke
    (2144, 2146), // zachary zachy
    (2144, 2147), // zachary zack
    (2144, 2152), // zachary zak
    (2144, 2153), // zachary zakk
    (2144, 2160), // zachary zeke
    (2145, 2146), // zachery zachy
    (2145, 2147), // zachery zack
    (2145, 2152), // zachery zak
    (2145, 2153), // zachery zakk
    (2145, 2160), // zachery zeke
    (2147, 2152), // zack zak
    (2155, 2156), // zeb zebedee
    (2157, 2158), // zed zedediah
    (2161, 2162), // zeph zephaniah
];
