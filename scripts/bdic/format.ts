/**
 * Constants of Chromium's BDIC (binary Hunspell dictionary) format, version 2.0, as read by
 * third_party/hunspell/google/bdict_reader.cc. All integers are little-endian.
 *
 * File:  header (28 bytes) | aff section | dic section (the word trie)
 * Header: "BDic", major u16, minor u16, aff offset u32, dic offset u32, MD5 of aff+dic (16 bytes)
 * Aff section: four u32 absolute offsets (AF table, affix rules, REP pairs, other commands),
 *   then "\n" comment "\n", then the four tables, each a run of NUL-terminated strings ending
 *   in an extra NUL.
 */

export const SIGNATURE = 'BDic';
export const MAJOR_VERSION = 2;
export const MINOR_VERSION = 0;
export const HEADER_SIZE = 4 + 2 + 2 + 4 + 4 + 16;
export const AFF_HEADER_SIZE = 16;

// Trie node kinds are told apart by the high bits of their first byte.

/** Leaf: 0abxxxxx xxxxxxxx. a = a NUL-terminated rest of the word follows; b = more affix ids follow. */
export const LEAF_HAS_REST = 0x40;
export const LEAF_HAS_MORE_AFFIXES = 0x20;
export const LEAF_AFFIX_HIGH_MASK = 0x1f;
/** The largest affix id that fits the leaf's own 13 bits. */
export const LEAF_MAX_INLINE_AFFIX = 0x1ffe;
/** Inline affix value meaning "not used: every id is in the following list". */
export const LEAF_INLINE_AFFIX_UNUSED = 0x1fff;
export const AFFIX_LIST_END = 0xffff;
/** Chromium reads at most this many affix ids for one word. */
export const MAX_AFFIXES_PER_WORD = 32;
/** Chromium's Hunspell refuses words of this many UTF-8 bytes or more. */
export const MAX_WORD_BYTES = 128;

/** Lookup table: 110000ab, first char, char count. a = 32-bit absolute offsets, b = has a NUL entry. */
export const LOOKUP = 0xc0;
export const LOOKUP_32BIT = 0x02;
export const LOOKUP_HAS_NUL_ENTRY = 0x01;

/** List: 111cnnnn, then n (char, offset) pairs; c = 16-bit offsets. At most 15 entries. */
export const LIST = 0xe0;
export const LIST_16BIT = 0x10;
export const LIST_MAX_ENTRIES = 15;
