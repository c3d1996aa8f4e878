//! Keyed hashes of chat and user ids (HMAC-SHA256): the log can count questions per chat and let a
//! chat /forget its rows without ever holding the id itself.

use super::record::ChatKey;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Bytes of a secret: SHA-256's block-sized keys are not needed, 32 random bytes are beyond guessing.
pub const SECRET_BYTES: usize = 32;
/// Bytes of the HMAC kept in a key: 128 bits never collide among a bot's chats and halve the column.
const KEY_BYTES: usize = 16;

/// Why a secret could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("QUESTION_LOG_SECRET must be {} hexadecimal digits", SECRET_BYTES * 2)]
    Malformed,
    #[error("no random bytes for a new secret: {0}")]
    Random(String),
}

/// The secret behind the keys; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret([u8; SECRET_BYTES]);

impl Secret {
    /// Reads `SECRET_BYTES * 2` hexadecimal digits.
    pub fn from_hex(text: &str) -> Result<Secret, SecretError> {
        let text = text.trim();
        if text.len() != SECRET_BYTES * 2 || !text.is_ascii() {
            return Err(SecretError::Malformed);
        }
        let mut bytes = [0u8; SECRET_BYTES];
        for (byte, pair) in bytes.iter_mut().zip(text.as_bytes().chunks(2)) {
            let pair = std::str::from_utf8(pair).map_err(|_| SecretError::Malformed)?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| SecretError::Malformed)?;
        }
        Ok(Secret(bytes))
    }

    /// A new secret from the operating system's random source.
    pub fn generate() -> Result<Secret, SecretError> {
        let mut bytes = [0u8; SECRET_BYTES];
        getrandom::fill(&mut bytes).map_err(|error| SecretError::Random(error.to_string()))?;
        Ok(Secret(bytes))
    }

    /// The secret as stored: hexadecimal digits.
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// Turns chat and user ids into [`ChatKey`]s with one secret.
#[derive(Debug, Clone)]
pub struct ChatHasher {
    secret: Secret,
}

impl ChatHasher {
    pub fn new(secret: Secret) -> ChatHasher {
        ChatHasher { secret }
    }

    /// The key of a chat.
    pub fn chat(&self, chat_id: i64) -> ChatKey {
        self.key(b"chat", chat_id)
    }

    /// The key of a person (a voter, an inline asker): a user id and a private chat's id are the same
    /// number, and keyed apart they stay two things.
    pub fn user(&self, user_id: u64) -> ChatKey {
        self.key(b"user", i64::from_ne_bytes(user_id.to_ne_bytes()))
    }

    fn key(&self, domain: &[u8], id: i64) -> ChatKey {
        // HMAC takes keys of any length; `new_from_slice` cannot fail for it.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts every key length"));
        mac.update(domain);
        mac.update(b":");
        mac.update(&id.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        ChatKey(hex(&digest[..KEY_BYTES]))
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut out, byte| {
        let _ = write!(out, "{byte:02x}");
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(byte: u8) -> Secret {
        Secret([byte; SECRET_BYTES])
    }

    #[test]
    fn the_same_chat_gives_the_same_key_and_another_secret_another() {
        let hasher = ChatHasher::new(secret(1));
        assert_eq!(hasher.chat(42), hasher.chat(42));
        assert_ne!(hasher.chat(42), hasher.chat(43));
        assert_ne!(hasher.chat(42), hasher.user(42));
        assert_ne!(hasher.chat(42), ChatHasher::new(secret(2)).chat(42));
        assert_eq!(hasher.chat(42).as_str().len(), KEY_BYTES * 2);
        assert!(!hasher.chat(123_456_789).as_str().contains("123456789"));
    }

    #[test]
    fn secrets_round_trip_through_hex_and_bad_ones_are_refused() {
        let generated = Secret::generate().expect("random bytes");
        assert_eq!(Secret::from_hex(&generated.to_hex()), Ok(generated.clone()));
        assert_ne!(Secret::generate().expect("random bytes"), generated);
        for bad in ["", "abc", &"g".repeat(64), &"a".repeat(63), &"é".repeat(32)] {
            assert_eq!(Secret::from_hex(bad), Err(SecretError::Malformed), "{bad}");
        }
        assert!(!format!("{generated:?}").contains(&generated.to_hex()));
    }
}
