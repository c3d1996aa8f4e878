//! A character's common readings held in place (no vector per character), as the sound-alike reader
//! reads every character of a question.

use super::SPOKEN_READINGS;

/// A character's common readings ([`char_readings`](super::SoundAlike::char_readings)), each once, held
/// in place: a question reads every one of its characters, and a vector each cost more than the readings.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct CharReadings {
    readings: [(u16, &'static str); SPOKEN_READINGS],
    len: usize,
}

impl CharReadings {
    pub(super) fn push(&mut self, reading: (u16, &'static str)) {
        if !self.as_slice().contains(&reading) && self.len < SPOKEN_READINGS {
            self.readings[self.len] = reading;
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[(u16, &'static str)] {
        &self.readings[..self.len]
    }
}
