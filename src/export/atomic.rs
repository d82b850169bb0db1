//! Safe file output: write to a temporary file in the destination folder, then move it into
//! place in one step, so a reader never sees half a file and a failure leaves nothing behind.
//!
//! Nothing the user has is overwritten without `force`: an existing file, or a symbolic link
//! (even a dangling one), at the path is kept. With `force` the link itself is replaced, never
//! the file it points to. Directories and special files (pipes, devices) are never replaced.

use std::fs::{self, Permissions};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Existing};

/// Writes the output of `produce` to `path` atomically.
///
/// The data goes to a hidden temporary file beside `path` (`.NAME.XXXXXX.tmp`), is flushed and
/// synced to disk, then renamed over `path`. Without `force` the rename refuses to replace
/// anything that appeared at `path` meanwhile. A new file gets the usual permissions (`0666`
/// less the umask); a replaced file keeps its permissions.
///
/// # Errors
/// [`Error::Exists`] when something is at `path` (without `force`); [`Error::File`] naming `path`
/// (or its folder) with what went wrong and what to do: the path is a directory or special file, its folder is missing or not
/// writable, the disk is full, or `produce` failed. The temporary file is removed in every case.
pub fn write_file(
    path: &Path,
    force: bool,
    produce: impl FnOnce(&mut BufWriter<&mut fs::File>) -> io::Result<()>,
) -> Result<(), Error> {
    let fail = |at: &Path, message: String| Error::File {
        path: at.to_path_buf(),
        message,
        source: None,
    };
    let keep_mode = check_destination(path, force)?;
    let folder = folder_of(path);
    match fs::metadata(&folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(fail(&folder, "is not a folder; choose another path".into())),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(fail(
                &folder,
                "folder does not exist; create it first or choose another path".into(),
            ));
        }
        Err(e) => {
            let message = format!("cannot use this folder: {}", describe(&e));
            return Err(failed(&folder, message, e));
        }
    }
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&folder).map_err(|e| {
        let message = format!(
            "cannot create a file in this folder: {}; choose a folder you can write to",
            describe(&e)
        );
        failed(&folder, message, e)
    })?;
    // A signal while the file is written removes it (see `cleanup`).
    let _registered = crate::cleanup::TempFile::register(temp.path());
    let written = (|| {
        let mut out = BufWriter::new(temp.as_file_mut());
        produce(&mut out)?;
        out.flush()?;
        drop(out);
        if let Some(mode) = keep_mode {
            temp.as_file().set_permissions(mode)?;
        }
        temp.as_file().sync_all()
    })();
    if let Err(e) = written {
        // Dropping `temp` deletes the temporary file.
        return Err(failed(
            path,
            format!("{}; nothing was written", describe(&e)),
            e,
        ));
    }
    let persisted = if force {
        temp.persist(path).map(drop)
    } else {
        temp.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| {
        // `e.file` is dropped here, which deletes the temporary file.
        if e.error.kind() == ErrorKind::AlreadyExists {
            return Error::Exists {
                path: path.to_path_buf(),
                what: Existing::Appeared,
            };
        }
        failed(
            path,
            format!(
                "cannot move the finished file into place: {}; nothing was written",
                describe(&e.error)
            ),
            e.error,
        )
    })
}

/// The start of the name of a temporary file for `path`: `.NAME.`, the file's name cut short
/// (so that adding the prefix and suffix cannot make a name the file system refuses).
fn temp_prefix(path: &Path) -> String {
    let name: String = path.file_name().map_or_else(String::new, |n| {
        n.to_string_lossy().chars().take(64).collect()
    });
    format!(".{name}.")
}

/// A note for each temporary file of ours beside `path` (see [`leftovers`]), saying what it
/// probably is and what to do; looked for before a write, so the write's own is not among them.
#[must_use]
pub fn leftover_notes(path: &Path) -> Vec<String> {
    leftovers(path)
        .iter()
        .map(|leftover| {
            format!(
                "{} looks left over from an export to the same file that was stopped; \
                 remove it unless an export is running",
                leftover.display()
            )
        })
        .collect()
}

/// Temporary files of ours beside `path` (`.NAME.XXXXXX.tmp`, as [`write_file`] names them):
/// left over from an export to `path` that was killed before it could remove its own (or from
/// one that is running now), sorted.
fn leftovers(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".tmp"))
                .is_some_and(|middle| {
                    middle.len() == 6 && middle.chars().all(|c| c.is_ascii_alphanumeric())
                })
                && entry.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|entry| entry.path())
        .collect();
    found.sort();
    found
}

/// Checks what is at `path` now. Returns the permissions to keep when a regular file will be
/// replaced (with `force`).
fn check_destination(path: &Path, force: bool) -> Result<Option<Permissions>, Error> {
    let fail = |message: String| Error::File {
        path: path.to_path_buf(),
        message,
        source: None,
    };
    if path.as_os_str().is_empty() {
        return Err(fail("an empty path; give a file name".into()));
    }
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            let message = format!("cannot check this path: {}", describe(&e));
            return Err(failed(path, message, e));
        }
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(fail("is a directory; give a file name".into()));
    }
    if kind.is_symlink() {
        if force {
            return Ok(None);
        }
        let target = fs::read_link(path).unwrap_or_else(|_| PathBuf::from("?"));
        return Err(Error::Exists {
            path: path.to_path_buf(),
            what: Existing::Link(target),
        });
    }
    if !kind.is_file() {
        return Err(fail(
            "is not a regular file (a pipe, socket or device); it is never replaced; choose a file path".into(),
        ));
    }
    if !force {
        return Err(Error::Exists {
            path: path.to_path_buf(),
            what: Existing::File,
        });
    }
    Ok(Some(meta.permissions()))
}

/// A file error at `at` caused by `source`.
fn failed(at: &Path, message: String, source: io::Error) -> Error {
    Error::File {
        path: at.to_path_buf(),
        message,
        source: Some(source),
    }
}

/// The folder a file at `path` lives in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// An I/O error in words, with the common cases explained.
fn describe(e: &io::Error) -> String {
    match e.kind() {
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::StorageFull => "the disk is full; free some space and try again".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        ErrorKind::QuotaExceeded => "the disk quota is exceeded".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_write_leaves_no_file_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        let err = write_file(&path, false, |out| {
            out.write_all(b"half a file")?;
            out.flush()?;
            Err(io::Error::from(ErrorKind::StorageFull))
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("out.csv: the disk is full"), "{err}");
        assert!(err.contains("nothing was written"), "{err}");
        assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));
    }

    #[test]
    fn a_forced_replace_keeps_the_old_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
        write_file(&path, true, |out| out.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(entries(dir.path()), ["out.md"]);
    }

    #[test]
    fn a_new_file_is_readable_by_others_as_usual() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.md");
        write_file(&path, false, |out| out.write_all(b"x")).unwrap();
        // The mode is 0666 less the umask; the owner can always read and write.
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o600,
            0o600
        );
    }
}
