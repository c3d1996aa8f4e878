//! The small chart under /stats: questions per day as bars, the answered share as a line across them.
//! Drawn with plotters into a pixel buffer and encoded as PNG here. It has no text at all (the message
//! above it carries the numbers), so nothing needs a font and no system font is read.

use super::report::Day;
use plotters::prelude::*;

/// Pixels: wide enough to tell 30 days apart on a phone, small enough to send in a blink.
pub const WIDTH: u32 = 600;
pub const HEIGHT: u32 = 300;
/// Blank pixels around the plot.
const MARGIN: u32 = 12;
/// Height of the answered-share line, in pixels.
const LINE_WIDTH: u32 = 3;
/// zlib level for the PNG: 6 is zlib's own default, near the smallest size for flat-coloured charts.
const ZLIB_LEVEL: u8 = 6;

const BARS: RGBColor = RGBColor(0x9e, 0xc5, 0xfe);
const SHARE: RGBColor = RGBColor(0x19, 0x87, 0x54);
const GRID: RGBColor = RGBColor(0xe0, 0xe0, 0xe0);

/// Why no chart was drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("no days to draw")]
    Empty,
    #[error("drawing failed: {0}")]
    Draw(String),
}

/// The PNG of the chart over `days` (oldest first).
pub fn questions_chart(days: &[Day]) -> Result<Vec<u8>, ChartError> {
    if days.is_empty() {
        return Err(ChartError::Empty);
    }
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    draw(days, &mut pixels).map_err(|error| ChartError::Draw(error.to_string()))?;
    Ok(png(&pixels, WIDTH, HEIGHT))
}

fn draw(days: &[Day], pixels: &mut [u8]) -> Result<(), Box<dyn std::error::Error>> {
    let root = BitMapBackend::with_buffer(pixels, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE)?;
    let area = root.margin(MARGIN, MARGIN, MARGIN, MARGIN);
    let most = days
        .iter()
        .map(|day| day.questions)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let count = days.len() as f64;
    let mut chart = ChartBuilder::on(&area).build_cartesian_2d(0.0..count, 0.0..most)?;
    for quarter in 1..=4 {
        let y = most * f64::from(quarter) / 4.0;
        chart.draw_series(LineSeries::new([(0.0, y), (count, y)], GRID))?;
    }
    chart.draw_series(days.iter().enumerate().map(|(i, day)| {
        let x = i as f64;
        Rectangle::new(
            [(x + 0.15, 0.0), (x + 0.85, day.questions as f64)],
            BARS.filled(),
        )
    }))?;
    let share = days.iter().enumerate().map(|(i, day)| {
        let answered = if day.questions == 0 {
            0.0
        } else {
            day.answered as f64 / day.questions as f64
        };
        (i as f64 + 0.5, answered * most)
    });
    chart.draw_series(LineSeries::new(share, SHARE.stroke_width(LINE_WIDTH)))?;
    root.present()?;
    Ok(())
}

/// An RGB image as PNG: signature, IHDR, one zlib IDAT (each row led by filter byte 0), IEND.
fn png(rgb: &[u8], width: u32, height: u32) -> Vec<u8> {
    let row = (width * 3) as usize;
    let mut raw = Vec::with_capacity(rgb.len() + height as usize);
    for line in rgb.chunks(row) {
        raw.push(0);
        raw.extend_from_slice(line);
    }
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8 bits per channel, colour type 2 (RGB), deflate, adaptive filtering, no interlace.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(
        &mut out,
        b"IDAT",
        &miniz_oxide::deflate::compress_to_vec_zlib(&raw, ZLIB_LEVEL),
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&length.to_be_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day(n: u32, questions: u64, answered: u64) -> Day {
        Day {
            date: NaiveDate::from_ymd_opt(2026, 11, n).expect("a date"),
            questions,
            answered,
            ..Day::default()
        }
    }

    #[test]
    fn the_chart_is_a_png_of_the_stated_size_that_decodes() {
        let days: Vec<Day> = (1..=30)
            .map(|n| day(n, u64::from(n) * 3, u64::from(n)))
            .collect();
        let png = questions_chart(&days).expect("drawn");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            WIDTH
        );
        assert_eq!(
            u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
            HEIGHT
        );
        assert!(png.len() < 64 * 1024, "{} bytes", png.len());
        // The IDAT inflates back to one filter byte and WIDTH RGB pixels per row, not all white.
        let length = u32::from_be_bytes([png[33], png[34], png[35], png[36]]) as usize;
        assert_eq!(&png[37..41], b"IDAT");
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(&png[41..41 + length])
            .expect("valid zlib");
        assert_eq!(raw.len(), (HEIGHT * (WIDTH * 3 + 1)) as usize);
        let pixels: Vec<&[u8]> = raw
            .chunks((WIDTH * 3 + 1) as usize)
            .flat_map(|row| row[1..].chunks(3))
            .collect();
        assert!(pixels.contains(&&[BARS.0, BARS.1, BARS.2][..]));
        assert!(pixels.contains(&&[SHARE.0, SHARE.1, SHARE.2][..]));
    }

    #[test]
    fn one_quiet_day_draws_and_no_days_do_not() {
        assert!(questions_chart(&[day(1, 0, 0)]).is_ok());
        assert!(matches!(questions_chart(&[]), Err(ChartError::Empty)));
    }
}
