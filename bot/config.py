"""Settings from the environment (and an optional .env file): the only module that reads them."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.i18n import SUPPORTED_LANGUAGES
from bot.core.messages import ChatRef, Platform, parse_identity

_REPO_LOCALES = Path(__file__).resolve().parent.parent / "locales"


def _default_locales_dir() -> Path:
    """The catalogues beside the source tree (a checkout or editable install), else ./locales."""
    return _REPO_LOCALES if _REPO_LOCALES.is_dir() else Path("locales")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(default="sqlite+aiosqlite:///./oerbot.db", alias="DATABASE_URL")
    db_busy_timeout_seconds: float = Field(default=5.0, gt=0, alias="OERBOT_DB_BUSY_TIMEOUT")
    admins: str = Field(default="", alias="OERBOT_ADMINS")
    default_language: str = Field(default="en", alias="OERBOT_DEFAULT_LANGUAGE")
    locales_dir: Path = Field(default_factory=_default_locales_dir, alias="OERBOT_LOCALES_DIR")
    log_level: str = Field(default="INFO", alias="OERBOT_LOG_LEVEL")
    privacy_contact: str = Field(default="", alias="OERBOT_PRIVACY_CONTACT")
    secretariat_chat: str = Field(default="", alias="OERBOT_SECRETARIAT_CHAT")

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(default="https://api.telegram.org/bot", alias="TELEGRAM_API_URL")
    telegram_webhook_url: str | None = Field(default=None, alias="TELEGRAM_WEBHOOK_URL")
    telegram_webhook_secret: SecretStr | None = Field(default=None, alias="TELEGRAM_WEBHOOK_SECRET")
    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="SLACK_API_URL")
    http_host: str = Field(default="127.0.0.1", alias="OERBOT_HTTP_HOST")
    http_port: int = Field(default=8080, ge=0, le=65535, alias="OERBOT_HTTP_PORT")

    @field_validator("default_language")
    @classmethod
    def _supported_language(cls, value: str) -> str:
        if value not in SUPPORTED_LANGUAGES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LANGUAGES)}")
        return value

    @field_validator("admins")
    @classmethod
    def _well_formed_admins(cls, value: str) -> str:
        parse_identities(value)
        return value

    @model_validator(mode="after")
    def _slack_is_complete(self) -> Settings:
        if self.slack_bot_token and not (self.slack_signing_secret or self.slack_app_token):
            raise ValueError(
                "SLACK_BOT_TOKEN needs SLACK_SIGNING_SECRET (events over HTTP) "
                "or SLACK_APP_TOKEN (Socket Mode)"
            )
        return self

    @field_validator("telegram_webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value and not value.startswith("https://"):
            raise ValueError("Telegram delivers webhooks only to https:// URLs")
        return value or None

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _telegram_secret_charset(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("must be 1-256 characters among A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return value

    @field_validator("secretariat_chat")
    @classmethod
    def _well_formed_chat(cls, value: str) -> str:
        if value.strip():
            parse_identity(value)
        return value.strip()

    @property
    def secretariat_chat_ref(self) -> ChatRef | None:
        if not self.secretariat_chat:
            return None
        platform, chat_id = parse_identity(self.secretariat_chat)
        return ChatRef(platform, chat_id, is_private=False)

    @property
    def admin_identities(self) -> list[tuple[Platform, str]]:
        return parse_identities(self.admins)

    @property
    def has_platform_token(self) -> bool:
        return self.telegram_bot_token is not None or self.slack_bot_token is not None


def parse_identities(text: str) -> list[tuple[Platform, str]]:
    return [parse_identity(item) for item in text.split(",") if item.strip()]
