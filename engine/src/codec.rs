//! Bytes in and out for the compact forms of prepared values: what batch
//! matching writes to temporary files instead of holding every record in
//! memory (docs/dedupe_at_scale.md). Written by hand: the values hold
//! `&'static str` readings that no serde format can give back, and no
//! bincode-like crate is in the tree. Lengths and counts are LEB128
//! varints, strings are their UTF-8 bytes after their length.
//!
//! The bytes are read back by the build that wrote them, within one job
//! (or from a store tagged with [`FORMAT`]): no compatibility across
//! versions is promised, only that bad bytes give an error, not a panic.

use std::fmt;

/// The version of the byte layout; bump it when any `encode` changes.
pub const FORMAT: u8 = 1;

/// Appends values to a byte buffer.
pub struct Writer<'a>(pub &'a mut Vec<u8>);

impl Writer<'_> {
    pub fn u8(&mut self, v: u8) {
        self.0.push(v);
    }

    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// Bytes that are not what an `encode` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub &'static str);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrupt encoded record: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// Reads values back in the order they were written.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// Bytes not read yet.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// Passes over `n` bytes.
    pub fn skip(&mut self, n: usize) -> Result<(), DecodeError> {
        if n > self.remaining() {
            return Err(DecodeError("length past the end"));
        }
        self.pos += n;
        Ok(())
    }

    pub fn u8(&mut self) -> Result<u8, DecodeError> {
        let b = *self.bytes.get(self.pos).ok_or(DecodeError("ends early"))?;
        self.pos += 1;
        Ok(b)
    }

    pub fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError("varint longer than 64 bits"))
    }

    /// A count or length, bounded by the bytes left (each item takes at
    /// least one byte), so a corrupt count cannot make a huge allocation.
    pub fn read_len(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(DecodeError("length past the end"));
        }
        Ok(n as usize)
    }

    pub fn str(&mut self) -> Result<&'a str, DecodeError> {
        let n = self.read_len()?;
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        std::str::from_utf8(s).map_err(|_| DecodeError("string is not UTF-8"))
    }

    pub fn char(&mut self) -> Result<char, DecodeError> {
        let v = u32::try_from(self.varint()?).map_err(|_| DecodeError("char out of range"))?;
        char::from_u32(v).ok_or(DecodeError("not a char"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut buf = Vec::new();
        let mut w = Writer(&mut buf);
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.varint(v);
        }
        w.str("");
        w.str("张伟 smith");
        w.u8(7);
        w.varint(u64::from(u32::from('王')));
        let mut r = Reader::new(&buf);
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        assert_eq!(r.str(), Ok(""));
        assert_eq!(r.str(), Ok("张伟 smith"));
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.char(), Ok('王'));
        assert!(r.is_done());
        assert_eq!(r.u8(), Err(DecodeError("ends early")));
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert_eq!(Reader::new(&[0xff; 11]).varint(), Err(DecodeError("varint longer than 64 bits")));
        assert_eq!(Reader::new(&[0x05, b'a']).str(), Err(DecodeError("length past the end")));
        assert_eq!(Reader::new(&[0x02, 0xc3, 0x28]).str(), Err(DecodeError("string is not UTF-8")));
        assert_eq!(Reader::new(&[0x80, 0xb0, 0x03]).char(), Err(DecodeError("not a char"))); // U+D800, a surrogate
        assert_eq!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10]).char(), Err(DecodeError("char out of range")));
    }
}
