//! JSON string text: where a run of bytes that need no escape ends. The
//! event reader skips strings with it; the response writer asks it whether
//! a string can be copied out as it is.

/// The position of the next `"`, `\` or control character from `pos` (or
/// the end), eight bytes at a time; sets bits of `high` when it passes a
/// byte above ASCII (or reads one past the special byte).
#[inline]
pub(crate) fn skip_to_special(bytes: &[u8], mut pos: usize, high: &mut u64) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let chars = u64::from_le_bytes(word);
        let control = chars.wrapping_sub(ONES * 0x20) & !chars;
        let quote = chars ^ (ONES * u64::from(b'"'));
        let quote = quote.wrapping_sub(ONES) & !quote;
        let backslash = chars ^ (ONES * u64::from(b'\\'));
        let backslash = backslash.wrapping_sub(ONES) & !backslash;
        *high |= chars & HIGH;
        let found = (control | quote | backslash) & HIGH;
        if found != 0 {
            return pos + found.trailing_zeros() as usize / 8;
        }
        pos += 8;
    }
    while let Some(&b) = bytes.get(pos) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return pos;
        }
        *high |= u64::from(b & 0x80);
        pos += 1;
    }
    pos
}

/// Whether `text` can stand between a JSON string's quotes as it is: no
/// `"`, `\` or control character, exactly the bytes `serde_json` escapes.
#[inline]
pub(crate) fn is_plain(text: &[u8]) -> bool {
    skip_to_special(text, 0, &mut 0) == text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_is_what_serde_json_leaves_unescaped() {
        for byte in 0..=u8::MAX {
            // Alone, and past the first eight bytes (the word-at-a-time loop).
            for text in [vec![byte], [b"abcdefghij".as_slice(), &[byte]].concat()] {
                let Ok(text) = String::from_utf8(text) else {
                    continue;
                };
                let written = serde_json::to_string(&text).unwrap();
                let unescaped = written == format!("\"{text}\"");
                assert_eq!(is_plain(text.as_bytes()), unescaped, "{byte:#x}");
            }
        }
        assert!(is_plain("caf\u{e9} \u{2615}".as_bytes()));
        assert!(is_plain(b""));
    }
}
