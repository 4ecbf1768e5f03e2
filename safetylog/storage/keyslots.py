"""The key file beside the embedded database: one slot per user and one for the recovery key.

One random 256-bit master key encrypts the database. Each slot has an X25519 key pair; its
private key is sealed (AES-GCM) under argon2id(password or recovery key, the slot's salt), and
the master key is sealed *to its public key* (ephemeral X25519, HKDF-SHA256, AES-GCM). So a login
unwraps the master key with its password alone, and anyone holding the master key (an
administrator at work, ``db rekey``) can wrap a new one for every slot without their passwords.

A MAC under a key derived from the master key covers everything written while it was in memory,
so editing the file is noticed at the next login. The throttle state (failures since the last
login) is necessarily written without the key: it must be checked and counted before the
database can open. Deleting it is not detectable; the failed attempts it holds are audited at
the next login.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safetylog.domain import crypto
from safetylog.domain.crypto import CryptoError, KdfParams
from safetylog.domain.errors import AccountLocked, AuthenticationError, LoginThrottled
from safetylog.domain.throttle import ThrottlePolicy
from safetylog.storage.files import write_atomic

FORMAT = "safetylog-keys"
VERSION = 1
KEY_FILE_SUFFIX = ".keys"
MAX_REMEMBERED_FAILURES = 200  # the audit gets these; beyond it only the count matters

# The cost of every new slot; tests swap in a cheap one (like auth._hasher).
kdf_params: KdfParams = crypto.DEFAULT_KDF
policy = ThrottlePolicy()

WRONG = "Wrong user name or password."
_ARGON2_HASH = re.compile(
    r"^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$")
_DUMMY_SALT = b"\0" * crypto.SALT_BYTES


class KeyFileError(CryptoError):
    """The key file is missing, unreadable, or not a SafetyLog key file."""


@dataclass(frozen=True, slots=True)
class Unlocked:
    master_key: bytes
    failed_attempts: list[datetime]  # wrong passwords for this slot since its last unlock
    tampered: bool  # the file was edited since SafetyLog last wrote it with the key
    older_keys: tuple[bytes, ...] = ()  # a ``db rekey`` cut short: the database may still use one


def key_file_for(database: Path) -> Path:
    return database.with_name(database.name + KEY_FILE_SUFFIX)


# --- small recipes ------------------------------------------------------------------------------


def _hkdf(secret: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def _slot_aad(purpose: str, name: str) -> bytes:
    return f"safetylog/{purpose}/{name}".encode()


def _wrap_master(master: bytes, public_raw: bytes, name: str) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_raw))
    key = _hkdf(shared, b"safetylog master key", salt=ephemeral_raw + public_raw)
    return {"ephemeral": crypto.b64(ephemeral_raw),
            "sealed": crypto.b64(crypto.seal(key, master, _slot_aad("master", name)))}


def _unwrap_master(wrapped: dict[str, Any], private: X25519PrivateKey, name: str) -> bytes:
    ephemeral_raw = crypto.unb64(wrapped.get("ephemeral"))
    public_raw = _raw_public(private.public_key())
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_raw))
    except ValueError:
        raise CryptoError("Damaged slot.") from None
    key = _hkdf(shared, b"safetylog master key", salt=ephemeral_raw + public_raw)
    return crypto.unseal(key, crypto.unb64(wrapped.get("sealed")), _slot_aad("master", name))


def _new_slot(name: str, secret: str | bytes, masters: list[bytes]) -> dict[str, Any]:
    private = X25519PrivateKey.generate()
    slot = {"public": crypto.b64(_raw_public(private.public_key())),
            "wrapped": [_wrap_master(m, _raw_public(private.public_key()), name) for m in masters]}
    _seal_private(slot, name, private, secret)
    return slot


def _seal_private(slot: dict[str, Any], name: str, private: X25519PrivateKey, secret: str | bytes,
                  *, salt: bytes | None = None, params: KdfParams | None = None,
                  kek: bytes | None = None) -> None:
    salt = salt if salt is not None else crypto.random_salt()
    params = params or kdf_params
    kek = kek if kek is not None else crypto.derive_key(secret, salt, params)
    slot["kdf"] = {"salt": crypto.b64(salt), "params": params.to_dict()}
    slot["private"] = crypto.b64(crypto.seal(kek, _raw_private(private), _slot_aad("private", name)))
    slot.pop("legacy", None)


def _open_private(slot: dict[str, Any], name: str, secret: str | bytes) -> X25519PrivateKey:
    kdf = slot.get("kdf")
    if not isinstance(kdf, dict):
        raise CryptoError("Damaged slot.")
    kek = crypto.derive_key(secret, crypto.unb64(kdf.get("salt")), KdfParams.from_dict(kdf.get("params")))
    raw = crypto.unseal(kek, crypto.unb64(slot.get("private")), _slot_aad("private", name))
    return X25519PrivateKey.from_private_bytes(raw)


def _unwrap_all(slot: dict[str, Any], private: X25519PrivateKey, name: str) -> list[bytes]:
    wrapped = slot.get("wrapped")
    if not isinstance(wrapped, list) or not wrapped:
        raise CryptoError("Damaged slot.")
    return [_unwrap_master(w, private, name) for w in wrapped]


def _mac_key(master: bytes) -> bytes:
    return _hkdf(master, b"safetylog key file mac")


def _pending_key(master: bytes) -> bytes:
    return _hkdf(master, b"safetylog pending recovery key")


def _canonical(data: dict[str, Any]) -> bytes:
    """Everything written with the key in memory: not the throttle state, not the MAC itself."""
    def strip(slot: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in slot.items() if k != "throttle"}

    content = {"format": data.get("format"), "version": data.get("version"),
               "users": {n: strip(s) for n, s in sorted(data.get("users", {}).items())},
               "recovery": data.get("recovery"), "pending_recovery": data.get("pending_recovery")}
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode()


def _mac(data: dict[str, Any], master: bytes) -> str:
    return hmac.new(_mac_key(master), _canonical(data), hashlib.sha256).hexdigest()


# --- the file -------------------------------------------------------------------------------------


def read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise KeyFileError(f"The key file {path} is missing.") from None
    except (OSError, ValueError) as exc:
        raise KeyFileError(f"The key file {path} cannot be read: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("users"), dict):
        raise KeyFileError(f"{path} is not a SafetyLog key file.")
    return data


def _write(path: Path, data: dict[str, Any], master: bytes | None) -> None:
    if master is not None:
        data["mac"] = _mac(data, master)
    write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode() + b"\n")


def create(path: Path, master: bytes, admin_username: str, admin_password: str) -> str:
    """A new key file with the first administrator's slot and a recovery slot; the recovery key."""
    recovery = crypto.random_key()
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "pending_recovery": None,
                            "users": {admin_username: _new_slot(admin_username, admin_password, [master])},
                            "recovery": _new_slot("", recovery, [master])}
    _write(path, data, master)
    return crypto.format_recovery_key(recovery)


def legacy_slot_secret(password_hash: str) -> tuple[bytes, bytes, KdfParams] | None:
    """(raw argon2id output, salt, params) from a stored password hash: argon2id(password) itself."""
    match = _ARGON2_HASH.match(password_hash)
    if match is None:
        return None
    memory, time, lanes, salt_text, hash_text = match.groups()

    def decode(text: str) -> bytes:
        return base64.b64decode(text + "=" * (-len(text) % 4))

    raw = decode(hash_text)
    if len(raw) != crypto.KEY_BYTES:
        return None
    return raw, decode(salt_text), KdfParams(int(time), int(memory), int(lanes))


def create_from_hashes(path: Path, master: bytes, password_hashes: dict[str, str]) -> str:
    """The key file for an existing database: each user's slot opens with their old password.

    The KEK of each slot is the argon2id output their password hash already holds, under its
    salt and cost; a login derives the same bytes from the typed password. Their first login
    reseals the slot with a fresh salt. The recovery key waits, sealed under the master key,
    until the first administrator's login shows it.
    """
    recovery = crypto.random_key()
    text = crypto.format_recovery_key(recovery)
    users: dict[str, Any] = {}
    for username, password_hash in password_hashes.items():
        legacy = legacy_slot_secret(password_hash)
        if legacy is None:
            continue  # not argon2id: that user is given a password by an administrator
        kek, salt, params = legacy
        private = X25519PrivateKey.generate()
        slot: dict[str, Any] = {"public": crypto.b64(_raw_public(private.public_key())),
                                "wrapped": [_wrap_master(master, _raw_public(private.public_key()),
                                                         username)]}
        _seal_private(slot, username, private, b"", salt=salt, params=params, kek=kek)
        slot["legacy"] = True
        users[username] = slot
    pending = crypto.b64(crypto.seal(_pending_key(master), text.encode(), b"pending recovery"))
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "users": users,
                            "recovery": _new_slot("", recovery, [master]), "pending_recovery": pending}
    _write(path, data, master)
    return text


# --- throttle -------------------------------------------------------------------------------------


def _throttle(slot: dict[str, Any]) -> dict[str, Any]:
    state = slot.get("throttle")
    if not isinstance(state, dict):
        state = {"failures": 0, "last_failure": None, "locked_until": None, "failed_at": []}
        slot["throttle"] = state
    return state


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _unaudited(slot: dict[str, Any]) -> dict[str, Any]:
    """A cleared count that still remembers the wrong passwords the audit log has not seen yet."""
    attempts = _throttle(slot).get("failed_at", [])
    return {"failures": 0, "last_failure": None, "locked_until": None,
            "failed_at": [a for a in attempts if isinstance(a, str)] if isinstance(attempts, list) else []}


def _check_throttle(slot: dict[str, Any], now: datetime) -> None:
    state = _throttle(slot)
    failures = state.get("failures")
    locked, wait = policy.wait(failures if isinstance(failures, int) else policy.lockout_after,
                               _when(state.get("last_failure")), _when(state.get("locked_until")), now)
    if locked:
        raise AccountLocked(math.ceil(wait.total_seconds() / 60))
    if wait.total_seconds() > 0:
        raise LoginThrottled(math.ceil(wait.total_seconds()))


def _count_failure(slot: dict[str, Any], now: datetime) -> None:
    state = _throttle(slot)
    failures = int(state.get("failures") or 0) + 1
    until = policy.locked_until(failures, now)
    attempts = [a for a in state.get("failed_at", []) if isinstance(a, str)]
    state.update(failures=failures, last_failure=now.isoformat(),
                 locked_until=until.isoformat() if until else None,
                 failed_at=[*attempts, now.isoformat()][-MAX_REMEMBERED_FAILURES:])


# --- unlocking ------------------------------------------------------------------------------------


def _dummy_derive() -> None:
    """The same argon2id cost as a real slot, so an unknown name takes as long as a known one."""
    crypto.derive_key("", _DUMMY_SALT, kdf_params)


def unlock(path: Path, username: str, password: str, now: datetime) -> Unlocked:
    data = read(path)
    name = username.strip()
    slot = data["users"].get(name) if "\x00" not in name else None
    if not isinstance(slot, dict):
        _dummy_derive()
        raise AuthenticationError(WRONG)
    _check_throttle(slot, now)
    try:
        private = _open_private(slot, name, password)
    except CryptoError:
        _count_failure(slot, now)
        _write(path, data, None)
        raise AuthenticationError(WRONG) from None
    masters = _unwrap_all(slot, private, name)
    tampered = not any(hmac.compare_digest(str(data.get("mac", "")), _mac(data, m)) for m in masters)
    attempts = [a for a in (_when(t) for t in _throttle(slot).get("failed_at", [])) if a is not None]
    slot.pop("throttle", None)
    if slot.get("legacy") or slot.get("kdf", {}).get("params") != kdf_params.to_dict():
        _seal_private(slot, name, private, password)  # fresh salt, today's cost
    _write(path, data, masters[0])
    return Unlocked(masters[0], attempts, tampered, tuple(masters[1:]))


def unlock_with_recovery_key(path: Path, text: str) -> bytes:
    data = read(path)
    return _recovery_masters(data, text)[0]


def _recovery_masters(data: dict[str, Any], text: str) -> list[bytes]:
    recovery = data.get("recovery")
    if not isinstance(recovery, dict):
        raise KeyFileError("The key file has no recovery slot.")
    try:
        private = _open_private(recovery, "", crypto.parse_recovery_key(text))
    except CryptoError:
        raise AuthenticationError("That recovery key does not open this database.") from None
    return _unwrap_all(recovery, private, "")


def recovery_candidates(path: Path, text: str) -> list[bytes]:
    """Every master key the recovery slot holds (more than one after a ``db rekey`` cut short)."""
    return _recovery_masters(read(path), text)


# --- changes while unlocked -----------------------------------------------------------------------


@dataclass
class KeyRing:
    """The unlocked key file: its path and the master key in memory. Implements ``KeySlots``."""

    path: Path
    master_key: bytes = field(repr=False)

    def _load(self) -> dict[str, Any]:
        return read(self.path)

    def _save(self, data: dict[str, Any]) -> None:
        _write(self.path, data, self.master_key)

    def set_password(self, username: str, password: str) -> None:
        # A fresh key pair rather than a resealed one: an administrator's reset does not know
        # the old password that seals the old private key, and the master key is in memory.
        data = self._load()
        old = data["users"].get(username)
        slot = _new_slot(username, password, [self.master_key])
        if isinstance(old, dict) and "throttle" in old:
            slot["throttle"] = _unaudited(old)
        data["users"][username] = slot
        self._save(data)

    def remove(self, username: str) -> None:
        data = self._load()
        if data["users"].pop(username, None) is not None:
            self._save(data)

    def clear_failures(self, username: str) -> None:
        data = self._load()
        slot = data["users"].get(username)
        if isinstance(slot, dict) and "throttle" in slot:
            slot["throttle"] = _unaudited(slot)
            self._save(data)

    def has_slot(self, username: str) -> bool:
        return username in self._load()["users"]

    def take_pending_recovery_key(self) -> str | None:
        """The recovery key made when an old database was encrypted: shown once, then gone."""
        data = self._load()
        pending = data.get("pending_recovery")
        if not pending:
            return None
        text = crypto.unseal(_pending_key(self.master_key), crypto.unb64(pending),
                             b"pending recovery").decode()
        data["pending_recovery"] = None
        self._save(data)
        return text

    # --- rekey, in two writes so that a crash between them loses nothing ---------------------

    def begin_rekey(self, new_master: bytes) -> str:
        """Wrap ``new_master`` (first) and the current key for every slot; a new recovery slot.

        Returns the new recovery key. The old recovery key stops working here.
        """
        data = self._load()
        for name, slot in data["users"].items():
            public = crypto.unb64(slot.get("public"))
            slot["wrapped"] = [_wrap_master(new_master, public, name),
                               _wrap_master(self.master_key, public, name)]
        recovery = crypto.random_key()
        data["recovery"] = _new_slot("", recovery, [new_master, self.master_key])
        data["pending_recovery"] = None
        _write(self.path, data, new_master)
        return crypto.format_recovery_key(recovery)

    def finish_rekey(self, new_master: bytes) -> None:
        """The database now uses ``new_master``: drop every wrap of the old key."""
        self.master_key = new_master
        self.settle_rekey(0)

    def settle_rekey(self, index: int) -> None:
        """Keep only the wrap at ``index`` (the key the database uses; ``master_key`` is it)."""
        data = self._load()
        for slot in [*data["users"].values(), data["recovery"]]:
            wrapped = slot.get("wrapped")
            if isinstance(wrapped, list) and len(wrapped) > index:
                slot["wrapped"] = [wrapped[index]]
        self._save(data)
