"""The Symbol font's characters as Unicode: what a Word symbol (`w:sym w:font="Symbol"`) or a
list bullet set in Symbol shows.

Source: the Unicode Consortium's "Adobe Symbol Encoding to Unicode" (its vendor mappings,
`MAPPINGS/VENDORS/ADOBE/symbol.txt`, table version 1.0), which gives each of the font's codes
20–FE the Unicode character of its glyph. Word writes a symbol font's code either as it is
(`41`) or shifted into the private-use area (`F041`); both are read through this table.

Where that table gives two characters, the first is kept (Greek Delta, Omega and mu, not the
increment, ohm and micro signs; the space, not the no-break space; the division slash, not the
fraction slash). Where it gives a character of Apple's and Adobe's corporate use area (a
private-use character, which no font shows and which the readers keep for their own marks),
the character Unicode has since given the glyph is used instead: the serif and sans-serif
registered, copyright and trade mark signs (D2–D4, E2–E4) as ®, © and ™, the pieces of tall
brackets and integrals (E6–EF, F4–FE) as U+239B–U+23AE, the arrow extenders (BD, BE) as
U+23D0 and U+23AF. The radical extender (60), which Unicode has no character for, is not in
the table: it is read as other symbol fonts' codes are, and reported.
"""

from __future__ import annotations

_TABLE = """
20 0020 space          21 0021 exclam         22 2200 universal      23 0023 numbersign
24 2203 existential    25 0025 percent        26 0026 ampersand      27 220B suchthat
28 0028 parenleft      29 0029 parenright     2A 2217 asteriskmath   2B 002B plus
2C 002C comma          2D 2212 minus          2E 002E period         2F 002F slash
30 0030 zero           31 0031 one            32 0032 two            33 0033 three
34 0034 four           35 0035 five           36 0036 six            37 0037 seven
38 0038 eight          39 0039 nine           3A 003A colon          3B 003B semicolon
3C 003C less           3D 003D equal          3E 003E greater        3F 003F question
40 2245 congruent      41 0391 Alpha          42 0392 Beta           43 03A7 Chi
44 0394 Delta          45 0395 Epsilon        46 03A6 Phi            47 0393 Gamma
48 0397 Eta            49 0399 Iota           4A 03D1 theta1         4B 039A Kappa
4C 039B Lambda         4D 039C Mu             4E 039D Nu             4F 039F Omicron
50 03A0 Pi             51 0398 Theta          52 03A1 Rho            53 03A3 Sigma
54 03A4 Tau            55 03A5 Upsilon        56 03C2 sigma1         57 03A9 Omega
58 039E Xi             59 03A8 Psi            5A 0396 Zeta           5B 005B bracketleft
5C 2234 therefore      5D 005D bracketright   5E 22A5 perpendicular  5F 005F underscore
61 03B1 alpha          62 03B2 beta           63 03C7 chi
64 03B4 delta          65 03B5 epsilon        66 03C6 phi            67 03B3 gamma
68 03B7 eta            69 03B9 iota           6A 03D5 phi1           6B 03BA kappa
6C 03BB lambda         6D 03BC mu             6E 03BD nu             6F 03BF omicron
70 03C0 pi             71 03B8 theta          72 03C1 rho            73 03C3 sigma
74 03C4 tau            75 03C5 upsilon        76 03D6 omega1         77 03C9 omega
78 03BE xi             79 03C8 psi            7A 03B6 zeta           7B 007B braceleft
7C 007C bar            7D 007D braceright     7E 223C similar
A0 20AC Euro           A1 03D2 Upsilon1       A2 2032 minute         A3 2264 lessequal
A4 2215 fraction       A5 221E infinity       A6 0192 florin         A7 2663 club
A8 2666 diamond        A9 2665 heart          AA 2660 spade          AB 2194 arrowboth
AC 2190 arrowleft      AD 2191 arrowup        AE 2192 arrowright     AF 2193 arrowdown
B0 00B0 degree         B1 00B1 plusminus      B2 2033 second         B3 2265 greaterequal
B4 00D7 multiply       B5 221D proportional   B6 2202 partialdiff    B7 2022 bullet
B8 00F7 divide         B9 2260 notequal       BA 2261 equivalence    BB 2248 approxequal
BC 2026 ellipsis       BD 23D0 arrowvertex    BE 23AF arrowhorizex   BF 21B5 carriagereturn
C0 2135 aleph          C1 2111 Ifraktur       C2 211C Rfraktur       C3 2118 weierstrass
C4 2297 circlemultiply C5 2295 circleplus     C6 2205 emptyset       C7 2229 intersection
C8 222A union          C9 2283 propersuperset CA 2287 reflexsuperset CB 2284 notsubset
CC 2282 propersubset   CD 2286 reflexsubset   CE 2208 element        CF 2209 notelement
D0 2220 angle          D1 2207 gradient       D2 00AE registerserif  D3 00A9 copyrightserif
D4 2122 trademarkserif D5 220F product        D6 221A radical        D7 22C5 dotmath
D8 00AC logicalnot     D9 2227 logicaland     DA 2228 logicalor      DB 21D4 arrowdblboth
DC 21D0 arrowdblleft   DD 21D1 arrowdblup     DE 21D2 arrowdblright  DF 21D3 arrowdbldown
E0 25CA lozenge        E1 2329 angleleft      E2 00AE registersans   E3 00A9 copyrightsans
E4 2122 trademarksans  E5 2211 summation      E6 239B parenlefttp    E7 239C parenleftex
E8 239D parenleftbt    E9 23A1 bracketlefttp  EA 23A2 bracketleftex  EB 23A3 bracketleftbt
EC 23A7 bracelefttp    ED 23A8 braceleftmid   EE 23A9 braceleftbt    EF 23AA braceex
F1 232A angleright     F2 222B integral       F3 2320 integraltp     F4 23AE integralex
F5 2321 integralbt     F6 239E parenrighttp   F7 239F parenrightex   F8 23A0 parenrightbt
F9 23A4 bracketrighttp FA 23A5 bracketrightex FB 23A6 bracketrightbt FC 23AB bracerighttp
FD 23AC bracerightmid  FE 23AD bracerightbt
"""
"""Code, Unicode and the glyph's PostScript name, four to a line."""

SYMBOL: dict[int, str] = {
    int(code, 16): chr(int(char, 16)) for code, char, _ in zip(*[iter(_TABLE.split())] * 3, strict=True)
}
"""The Symbol font's code (20–FE) → the character its glyph is."""

SYMBOL_FONTS = frozenset({"symbol"})
"""Font names (lower case) read through SYMBOL."""


def symbol_character(font: str, number: int) -> str | None:
    """The character a symbol font's code shows (the code as it is, or shifted by F000), or
    None where the font has no table here or the table has no such code."""
    if font.strip().lower() not in SYMBOL_FONTS:
        return None
    return SYMBOL.get(number - 0xF000 if 0xF000 <= number <= 0xF0FF else number)
