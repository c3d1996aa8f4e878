//! Reading a batch line by line without stopping at the first line that is not UTF-8: such a line is
//! handed back as [`Line::NotUtf8`] for the caller to report, and the batch goes on.

use std::io::{self, BufRead};

/// One line of input, without its line ending (`\n` or `\r\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// The line's bytes are not UTF-8; `number` counts from 1.
    NotUtf8 {
        number: usize,
    },
}

/// The lines of `input`; only a read error ends them early.
pub fn lines(mut input: impl BufRead) -> impl Iterator<Item = io::Result<Line>> {
    let mut number = 0;
    let mut buffer = Vec::new();
    std::iter::from_fn(move || {
        buffer.clear();
        match input.read_until(b'\n', &mut buffer) {
            Ok(0) => None,
            Ok(_) => {
                number += 1;
                let bytes = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
                let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                Some(Ok(match std::str::from_utf8(bytes) {
                    Ok(text) => Line::Text(text.to_owned()),
                    Err(_) => Line::NotUtf8 { number },
                }))
            }
            Err(error) => Some(Err(error)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_line_is_reported_and_the_rest_still_read() {
        let input: &[u8] = b"GDP\xe7\x9b\xae\xe6\xa0\x87\n\xff\r\nlast";
        let read: Vec<Line> = lines(input).map(|line| line.expect("in memory")).collect();
        assert_eq!(
            read,
            [
                Line::Text("GDP目标".into()),
                Line::NotUtf8 { number: 2 },
                Line::Text("last".into())
            ]
        );
    }
}
