# oerbot container image.
#
#   docker build -t oerbot .
#   docker run --rm -v oerbot-data:/data oerbot oerbot db upgrade
#   docker run -d -v oerbot-data:/data -e TELEGRAM_BOT_TOKEN=... oerbot
#
# Tokens and database passwords are given at run time (-e / --env-file / secrets); none is baked in.
# For PostgreSQL set DATABASE_URL=postgresql+asyncpg://user:password@host:5432/db when running.

# One place to move the base image: both stages must use the same interpreter, because the virtual
# environment built in the first stage points at /usr/local/bin/python3.11 of the base image.
# Pinned to a patch release and to bookworm so that a rebuild does not silently change Python or Debian.
ARG PYTHON_IMAGE=python:3.11.17-slim-bookworm

# ---------------------------------------------------------------------------------------------------
# builder: turns the project into wheels, installs them into /opt/venv and compiles the catalogues.
# Nothing from this stage reaches the final image except /opt/venv and /app/locales.
# ---------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore

# The builder's own pip, pinned so that wheel resolution does not change with the base image.
# The virtual environment is created without pip or setuptools: the builder's pip installs into it
# (pip --python), so the shipped environment holds only oerbot and its runtime dependencies.
RUN python -m pip install --no-cache-dir pip==26.3 \
 && python -m venv --without-pip /opt/venv

WORKDIR /src

# Only what the wheel is built from: metadata first, then the three packages (storage carries the
# Alembic migrations as package data). Tests, docs and the rest stay out (see .dockerignore).
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage

# Build wheels for oerbot and every dependency, then install offline from exactly those wheels:
# the versions come from pyproject.toml's constraints, resolved once here.
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels . \
 && python -m pip --python /opt/venv/bin/python install --no-cache-dir --no-index --find-links /wheels /wheels/oerbot-*.whl

# Catalogues: the .po sources (and anything else under locales/) are copied, and the .mo files the bot
# reads are compiled here with the babel installed above; .dockerignore keeps stale local .mo files out.
COPY locales /app/locales
RUN /opt/venv/bin/pybabel compile --statistics -D messages -d /app/locales

# ---------------------------------------------------------------------------------------------------
# runtime: the base image plus the virtual environment and the catalogues, run as a non-root user.
# ---------------------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

# The repository's public address is not fixed yet: pass it when building,
#   docker build --build-arg SOURCE_URL="$(git remote get-url origin)" .
# (left empty rather than guessed: a wrong source label sends people to the wrong code).
ARG SOURCE_URL=""
LABEL org.opencontainers.image.title="oerbot" \
      org.opencontainers.image.description="Chat bot of the UNESCO/IGF OER Dynamic Coalition: open licensing answers, announcements and reminders on Telegram and Slack." \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="MIT"

# PYTHONDONTWRITEBYTECODE: the code is read-only to the bot's user; pip already compiled it at install.
# PYTHONUNBUFFERED: log lines reach `docker logs` at once, not when a buffer fills.
# PATH puts the venv's python and the `oerbot` console script first.
# OERBOT_HTTP_HOST: the bot listens on 127.0.0.1 by default, which inside a container is unreachable
# from outside (even with -p 8080:8080); the container's network namespace is the boundary here.
# DATABASE_URL defaults to SQLite on the /data volume so that the database survives the container;
# override it with a postgresql+asyncpg:// URL in production.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    OERBOT_LOCALES_DIR=/app/locales \
    OERBOT_HTTP_HOST=0.0.0.0 \
    DATABASE_URL=sqlite+aiosqlite:////data/oerbot.db

# A fixed uid/gid (10001) so that volume ownership and Kubernetes runAsUser settings are predictable,
# and outside the range a host's own users usually take. No login shell, no home directory to write.
# /data is created here, owned by that user, before it is declared a volume (changes after VOLUME are lost).
RUN groupadd --system --gid 10001 oerbot \
 && useradd --system --uid 10001 --gid oerbot --no-create-home --home-dir /app --shell /usr/sbin/nologin oerbot \
 && mkdir -p /data \
 && chown oerbot:oerbot /data \
 && chmod 0750 /data

# Owned by root and so read-only to the bot: code and catalogues are not something it should change.
COPY --from=builder /opt/venv /opt/venv
COPY --from=builder /app/locales /app/locales

WORKDIR /app
VOLUME ["/data"]

# The HTTP port (OERBOT_HTTP_PORT, default 8080): Telegram/Slack webhooks and, later, /healthz.
EXPOSE 8080

# `oerbot health` exits 0 when the database answers and its schema is current. `oerbot run` migrates the
# SQLite default itself, within the start period; a PostgreSQL database needs `oerbot db upgrade` first.
# Three misses in a row (about 1.5 minutes) mark the container unhealthy.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["oerbot", "health"]

# The oerbot user, by number: Kubernetes' runAsNonRoot can only verify a numeric user, and a number
# needs no /etc/passwd lookup on the host (hadolint DL3066).
USER 10001:10001

# Exec form: the bot is PID 1 and receives SIGTERM from `docker stop` directly.
CMD ["oerbot", "run"]
