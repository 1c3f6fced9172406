//! A minimal ZIP writer: stored (uncompressed) entries only, enough for a .docx package.
//!
//! A .docx is a ZIP file of XML parts. Word and LibreOffice read stored entries, and a letter is a few
//! kilobytes, so compression is not worth a dependency: the `zip` crate with default features off still brings
//! in about a dozen crates (getrandom, wasm-bindgen, indexmap, zeroize and more) and over 100 KB of WebAssembly.
//!
//! Format: PKWARE APPNOTE.TXT, sections 4.3.7 (local file header), 4.3.12 (central directory header) and
//! 4.3.16 (end of central directory record). No ZIP64: every size is checked to fit in 32 bits, and an
//! archive that would not fit is refused rather than written wrong.

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as ZIP requires.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

/// The CRC-32 of some bytes.
///
/// # Examples
///
/// ```
/// assert_eq!(s117::letter::zip::crc32(b"123456789"), 0xCBF4_3926);
/// ```
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// 1 January 1980, 00:00, the earliest MS-DOS date: a fixed timestamp keeps the output reproducible.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Version 2.0, the usual "version needed to extract" for stored and deflated entries.
const VERSION: u16 = 20;
/// General-purpose flag bit 11: file names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

/// Why an archive could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge;

/// Builds a ZIP archive of stored entries, in the order given.
///
/// # Errors
///
/// Returns [`TooLarge`] if the archive would need ZIP64 (an entry or the archive over 4 GiB, a name over
/// 64 KiB, or more than 65,535 entries).
pub fn stored(entries: &[(&str, &[u8])]) -> Result<Vec<u8>, TooLarge> {
    let total: usize = entries
        .iter()
        .map(|(n, d)| 30 + 46 + 2 * n.len() + d.len())
        .sum::<usize>()
        + 22;
    if u32::try_from(total).is_err() || u16::try_from(entries.len()).is_err() {
        return Err(TooLarge);
    }
    let mut out = Vec::with_capacity(total);
    let mut central = Vec::new();
    for (name, data) in entries {
        let name_len = u16::try_from(name.len()).map_err(|_| TooLarge)?;
        let size = u32::try_from(data.len()).map_err(|_| TooLarge)?;
        let offset = u32::try_from(out.len()).map_err(|_| TooLarge)?;
        let crc = crc32(data);

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [VERSION, UTF8_NAMES, 0, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for field in [VERSION, VERSION, UTF8_NAMES, 0, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        // Name length, extra length, comment length, disk number, internal attributes.
        for field in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        // External attributes, then the local header's offset.
        central.extend_from_slice(&0u32.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let directory_offset = u32::try_from(out.len()).map_err(|_| TooLarge)?;
    let directory_size = u32::try_from(central.len()).map_err(|_| TooLarge)?;
    let count = u16::try_from(entries.len()).map_err(|_| TooLarge)?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for field in [0u16, 0, count, count] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&directory_size.to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

/// Reads back an archive written by [`stored`]: `(name, data)` for each entry, checking every CRC.
///
/// Only stored entries are understood; this is for tests and for checking our own output, not a general reader.
/// Returns `None` for anything malformed.
pub fn read_stored(archive: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
    let u16_at = |at: usize| -> Option<u16> {
        Some(u16::from_le_bytes(
            archive.get(at..at + 2)?.try_into().ok()?,
        ))
    };
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(
            archive.get(at..at + 4)?.try_into().ok()?,
        ))
    };
    let end = archive.len().checked_sub(22)?;
    if u32_at(end)? != 0x0605_4b50 {
        return None;
    }
    let count = usize::from(u16_at(end + 10)?);
    let mut at = usize::try_from(u32_at(end + 16)?).ok()?;
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 || u16_at(at + 10)? != 0 {
            return None;
        }
        let crc = u32_at(at + 16)?;
        let size = usize::try_from(u32_at(at + 20)?).ok()?;
        let name_len = usize::from(u16_at(at + 28)?);
        let skip = usize::from(u16_at(at + 30)?) + usize::from(u16_at(at + 32)?);
        let local = usize::try_from(u32_at(at + 42)?).ok()?;
        let name = String::from_utf8(archive.get(at + 46..at + 46 + name_len)?.to_vec()).ok()?;
        if u32_at(local)? != 0x0403_4b50 {
            return None;
        }
        let data_at =
            local + 30 + usize::from(u16_at(local + 26)?) + usize::from(u16_at(local + 28)?);
        let data = archive.get(data_at..data_at + size)?.to_vec();
        if crc32(&data) != crc {
            return None;
        }
        entries.push((name, data));
        at += 46 + name_len + skip;
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    #[test]
    fn round_trip() {
        let big: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
        let entries: [(&str, &[u8]); 3] =
            [("a.txt", b"hello"), ("dir/empty", b""), ("big.bin", &big)];
        let zip = stored(&entries).unwrap();
        let back = read_stored(&zip).unwrap();
        assert_eq!(back.len(), 3);
        for ((name, data), (n, d)) in entries.iter().zip(&back) {
            assert_eq!(name, n);
            assert_eq!(*data, d.as_slice());
        }
        // Corrupt one byte of the data: the CRC check catches it.
        let mut bad = zip.clone();
        bad[31 + "a.txt".len()] ^= 1;
        assert!(read_stored(&bad).is_none());
        assert!(read_stored(&zip[..10]).is_none());
    }

    #[test]
    fn an_empty_archive_is_just_the_end_record() {
        let zip = stored(&[]).unwrap();
        assert_eq!(zip.len(), 22);
        assert_eq!(read_stored(&zip).unwrap().len(), 0);
    }
}
