"""The file a whole-database export is written to: encrypted with a passphrase unless asked not to.

An encrypted export is::

    SAFETYLOG-EXPORT\\n
    {"container": 1, "cipher": "...", "kdf": {...argon2id cost...}, "salt": "..."}\\n
    encrypt_stream(key, the JSON export)

The key is argon2id of the passphrase and the salt. The magic line and the header line together
are the associated data of every chunk, so a changed cost, salt or version is refused like a
changed byte of the content. A plaintext export is the JSON alone.

Files are written to a private (0600) temporary file beside the target and renamed only when
complete; decrypted content is only ever held in memory, never written to disk.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from safetylog.domain.crypto import (
    DEFAULT_KDF,
    CryptoError,
    KdfParams,
    b64,
    decrypt_stream,
    derive_key,
    encrypt_stream,
    random_salt,
    unb64,
)
from safetylog.domain.errors import SafetyLogError

MAGIC = b"SAFETYLOG-EXPORT\n"
CONTAINER_VERSION = 1
CIPHER = "AES-256-GCM-STREAM-1MiB"
MIN_PASSPHRASE_LENGTH = 12
MAX_HEADER_BYTES = 4096
# Argon2 cost a file may ask for: a hostile header must not make an import eat all memory.
MAX_KDF_MEMORY_KIB = 1024 * 1024
# Decrypted content is held in memory only, and parsed there (a few times its size again), so
# this caps what a file can make an import hold: a demo year is 6 MB, ten busy years well below.
# The caller may raise it (``safetylog import --max-size``).
MAX_CONTENT_BYTES = 256 * 1024 * 1024
READ_BYTES = 1 << 20

KDF = DEFAULT_KDF  # the cost new exports use (tests lower it; the file records what was used)


class ExportFileError(SafetyLogError):
    """The export file cannot be written or read; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class WrittenFile:
    path: Path
    sha256: str
    size: int
    encrypted: bool


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ExportFileError(
            f"the export passphrase must be at least {MIN_PASSPHRASE_LENGTH} characters long")


# --- writing -----------------------------------------------------------------------------------


class _ChunkReader(io.RawIOBase):
    """A readable stream over an iterator of byte strings (the JSON encoder's output), so the
    export is encrypted as it is encoded instead of first being joined into one string."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            piece = next(self._chunks, None)
            if piece is None:
                return 0
            self._pending = piece
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _header(salt: bytes, kdf: KdfParams) -> bytes:
    fields = {"container": CONTAINER_VERSION, "cipher": CIPHER, "kdf": {"algorithm": "argon2id",
              **kdf.to_dict()}, "salt": b64(salt)}
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("ascii") + b"\n"


def write(target: Path, chunks: Iterable[bytes], passphrase: str | None) -> WrittenFile:
    """Write ``chunks`` to ``target`` (encrypted unless ``passphrase`` is None), all or nothing."""
    header, key = b"", b""
    if passphrase is not None:
        check_passphrase(passphrase)
        salt = random_salt()
        header = MAGIC + _header(salt, KDF)
        key = derive_key(passphrase, salt, KDF)  # before the file exists: nothing to clean up on error
    try:
        # mkstemp creates the file 0600 (O_EXCL, a name nobody can predict), which the rename keeps.
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        raise ExportFileError(f"cannot write to {target.parent}: {exc.strerror or exc}") from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            if passphrase is None:
                for chunk in chunks:
                    out.write(chunk)
            else:
                out.write(header)
                encrypt_stream(key, io.BufferedReader(_ChunkReader(chunks), 1 << 16), out, header)
            out.flush()
            os.fsync(out.fileno())
        digest, size = _sha256(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise ExportFileError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        temporary.unlink(missing_ok=True)  # gone after the rename; removes the half file otherwise
    return WrittenFile(target, digest, size, passphrase is not None)


def _sha256(path: Path) -> tuple[str, int]:
    """The checksum of the bytes on disk, which is what the audit row vouches for."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


# --- reading -----------------------------------------------------------------------------------


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` starts like an encrypted export (so the caller knows to ask a passphrase)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False  # read() says why in its own words


class _CappedBuffer:
    """Where the content is gathered, refusing at once what would grow past the cap (a 2 GB file
    or ``/dev/zero`` stops after ``limit`` bytes, not at the end of memory)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()

    def write(self, data: bytes) -> int:
        if len(self.data) + len(data) > self.limit:
            raise ExportFileError(too_large(self.limit))
        self.data += data
        return len(data)


def too_large(limit: int) -> str:
    return (f"the export is larger than {limit // (1024 * 1024)} MiB, the most SafetyLog imports "
            "at once (a larger limit can be given)")


def read(path: Path, passphrase: str | None, max_bytes: int = MAX_CONTENT_BYTES) -> bytearray:
    """The export's JSON bytes, decrypted in memory if the file is encrypted, read piece by piece
    and refused as soon as they pass ``max_bytes`` or cannot be a JSON export."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size  # 0 for a device or a pipe: read to see
            # An encrypted file is its header and 16 bytes per MiB bigger than its content.
            if size > max_bytes + MAX_HEADER_BYTES + 64 + 16 * (max_bytes // READ_BYTES + 1):
                raise ExportFileError(too_large(max_bytes))
            content = _CappedBuffer(max_bytes)
            start = handle.read(len(MAGIC))
            if start != MAGIC:
                if start.lstrip(b" \t\r\n")[:1] not in (b"{", b""):
                    raise ExportFileError(f"{path} is not a SafetyLog export")
                content.write(start)
                while block := handle.read(READ_BYTES):
                    content.write(block)
                return content.data
            if passphrase is None:
                raise ExportFileError(f"{path} is encrypted; give its passphrase")
            _decrypt(handle, passphrase, content)
            return content.data
    except OSError as exc:
        raise ExportFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def _decrypt(handle: BinaryIO, passphrase: str, content: _CappedBuffer) -> None:
    line = handle.readline(MAX_HEADER_BYTES)
    if not line.endswith(b"\n"):
        raise ExportFileError("the encrypted export's header is damaged or cut short")
    salt, kdf = _parse_header(line)
    key = derive_key(passphrase, salt, kdf)
    try:
        decrypt_stream(key, handle, content, MAGIC + line)  # type: ignore[arg-type]
    except CryptoError:
        raise ExportFileError("wrong passphrase, or the export file was changed or cut short") from None


def _parse_header(line: bytes) -> tuple[bytes, KdfParams]:
    try:
        fields = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ExportFileError("the encrypted export's header is damaged") from None
    if not isinstance(fields, dict):
        raise ExportFileError("the encrypted export's header is damaged")
    if fields.get("container") != CONTAINER_VERSION or fields.get("cipher") != CIPHER:
        raise ExportFileError(f"encrypted export version {fields.get('container')!r} is not supported "
                              f"(expected {CONTAINER_VERSION})")
    kdf_fields = fields.get("kdf")
    try:
        if not isinstance(kdf_fields, dict) or kdf_fields.get("algorithm") != "argon2id":
            raise CryptoError("not argon2id")
        kdf = KdfParams.from_dict(kdf_fields)
        salt = unb64(fields.get("salt"))
    except CryptoError:
        raise ExportFileError("the encrypted export's header is damaged") from None
    # argon2 itself refuses less than 8 KiB per lane; a changed header must be refused, not crash.
    if not 8 * kdf.parallelism <= kdf.memory_cost <= MAX_KDF_MEMORY_KIB or len(salt) < 16:
        raise ExportFileError("the encrypted export's header is damaged")
    return salt, kdf
