//! The entry files on disk: opened without trusting what is there, pruned, and written through
//! temporary files named so that pruning finds those an interrupted write left.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{KEEP, Key};

/// An entry is never larger than this many times its store's text (plus [`SIZE_SLACK`]): it holds
/// the same data in a denser form, with the history beside it. Anything larger at an entry's path
/// is not read.
pub(super) const SIZE_FACTOR: u64 = 4;

/// Bytes allowed beyond [`SIZE_FACTOR`] times the text.
const SIZE_SLACK: u64 = 1 << 20;

/// The bytes of the file at `key`'s path when it is a regular file of plausible size for the
/// store (see [`SIZE_FACTOR`]). It is opened without following a symbolic link and without
/// blocking (on a FIFO), and the opened file itself is checked before a byte is read, so nothing
/// can swap it in between. Anything else there is removed (the name is an entry's, in the cache
/// directory: ours), unless it is a directory, which is left alone.
pub(super) fn entry_bytes(key: &Key) -> Option<Vec<u8>> {
    let file = match open_untrusted(&key.path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(_) => {
            discard(&key.path);
            return None;
        }
    };
    let most = (key.len as u64)
        .saturating_mul(SIZE_FACTOR)
        .saturating_add(SIZE_SLACK);
    let len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    let Some(len) = len.filter(|&len| len <= most) else {
        drop(file);
        discard(&key.path);
        return None;
    };
    let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
    file.take(most + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= most).then_some(bytes)
}

/// Opens the file at `path` in the cache directory for reading, trusting nothing found there: a
/// symbolic link planted at the name is not followed, and a FIFO does not block the open. The
/// caller checks the opened file itself (a regular file, of plausible size).
pub(in crate::timeline) fn open_untrusted(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Removes what is at `path` (a symbolic link itself, never its target) unless it is a directory.
fn discard(path: &Path) {
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir()) {
        let _ = std::fs::remove_file(path);
    }
}

/// Writes `parts`, one after another, to the file `path` in `dir` (created when missing)
/// atomically: into a temporary file in `dir`, renamed into place once whole. Used for cache
/// entries, search indexes and stamps alike.
pub(in crate::timeline) fn write_atomically(
    dir: &Path,
    path: &Path,
    parts: &[&[u8]],
) -> std::io::Result<()> {
    write_atomically_with(dir, path, |file| {
        parts
            .iter()
            .try_for_each(|part| std::io::Write::write_all(file, part))
    })
}

/// As [`write_atomically`], for a file that `write` writes (and may seek in): a temporary file
/// in `dir`, renamed to `path` only once `write` has succeeded.
///
/// # Errors
/// As [`write_atomically`], and whatever `write` fails with.
pub(in crate::timeline) fn write_atomically_with(
    dir: &Path,
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    write(file.as_file_mut())?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The start of the name of a temporary file an entry is written to before it is renamed.
const TEMP_PREFIX: &str = ".ali-timeline-entry-";

/// The end of that name.
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file untouched for this long was left by a write that was interrupted (a write
/// takes a second or two), and is removed.
const STALE: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Removes all but the [`KEEP`] newest entries in `dir` (never `just_written`), and stale
/// temporary files of interrupted writes.
pub(super) fn prune(dir: &Path, just_written: &Path) {
    prune_named(dir, just_written, KEEP, is_entry_name);
}

/// Removes all but the `keep` newest files in `dir` whose names `is_name` accepts (never
/// `just_written`), and stale temporary files of interrupted writes.
pub(in crate::timeline) fn prune_named(
    dir: &Path,
    just_written: &Path,
    keep: usize,
    is_name: fn(&str) -> bool,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(modified) = entry.metadata().ok().and_then(|m| m.modified().ok()) else {
            continue;
        };
        if is_temp_name(&name) {
            if now.duration_since(modified).is_ok_and(|age| age > STALE) {
                let _ = std::fs::remove_file(entry.path());
            }
        } else if is_name(&name) && entry.path() != just_written {
            found.push((modified, entry.path()));
        }
    }
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    for (_, old) in found.into_iter().skip(keep.saturating_sub(1)) {
        let _ = std::fs::remove_file(old);
    }
}

/// Whether `name` is a temporary file's name: ours ([`TEMP_PREFIX`]), or `.tmp` and six letters
/// or digits as earlier versions named them.
fn is_temp_name(name: &str) -> bool {
    let legacy = name
        .strip_prefix(".tmp")
        .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
    legacy || (name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX))
}

/// Whether `name` is an entry's file name (`<32 hex digits>-<version>-f<format>-<build>.bin`), so that
/// pruning never touches anything else in a directory the user chose.
fn is_entry_name(name: &str) -> bool {
    is_keyed_name(name, "-f", ".bin")
}

/// The name of a file keyed by a store text's 128-bit xxh3 `hash` for this build:
/// `<32 hex digits>-<version>-<format>-<build>.<extension>` (`format` is a letter and a number:
/// `f4` for a cache entry, `i1` for a search index). `None` when the running executable cannot be
/// identified.
pub(in crate::timeline) fn keyed_name(hash: u128, format: &str, extension: &str) -> Option<String> {
    let build = super::build_id()?;
    Some(format!(
        "{hash:032x}-{}-{format}-{build:016x}.{extension}",
        env!("CARGO_PKG_VERSION")
    ))
}

/// Whether `name` is one [`keyed_name`] gives, with `-<format letter>` and `.<extension>`.
pub(in crate::timeline) fn is_keyed_name(name: &str, format: &str, extension: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 33
        && bytes[..32].iter().all(u8::is_ascii_hexdigit)
        && bytes[32] == b'-'
        && name.contains(format)
        && name.ends_with(extension)
}

/// The fixed start of a keyed file's header: `magic`, the `format` number, the build, the tool's
/// version, the store text's length and hash.
pub(in crate::timeline) fn keyed_header(
    magic: &[u8; 8],
    format: u32,
    len: u64,
    hash: u128,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(96);
    out.extend_from_slice(magic);
    out.extend_from_slice(&format.to_le_bytes());
    out.extend_from_slice(&super::build_id().unwrap_or(0).to_le_bytes());
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    out.extend_from_slice(&(version.len() as u64).to_le_bytes());
    out.extend_from_slice(version);
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&hash.to_le_bytes());
    out
}
