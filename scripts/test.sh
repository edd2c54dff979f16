#!/usr/bin/env bash
# `npm test`: the whole suite on a fresh Debian machine. Installs Chromium (and Redis when none
# answers) with apt if it runs as root, builds the app, starts it against a real Redis, runs the
# unit, integration and e2e suites, and ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

ARTIFACTS=.test-artifacts
TEST_PORT=${TEST_PORT:-3100}
REDIS_PORT=${TEST_REDIS_PORT:-6379}
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NO_COLOR=1 FORCE_COLOR=0
export TEST_APP_URL="http://127.0.0.1:${TEST_PORT}"
# TEST_PORT and TEST_REDIS_DB let several checkouts run the suite at once on one machine.
export TEST_REDIS_URL="redis://127.0.0.1:${REDIS_PORT}/${TEST_REDIS_DB:-5}"
# The app's key; a second instance in the integration tests shares it (and Redis) to act as another server.
export TEST_SECRET_KEY="$(head -c 32 /dev/urandom | base64)"
rm -rf "$ARTIFACTS" && mkdir -p "$ARTIFACTS"

APP_PID=""
REDIS_PIDFILE=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null; fi
  if [ -n "$REDIS_PIDFILE" ] && [ -f "$REDIS_PIDFILE" ]; then kill "$(cat "$REDIS_PIDFILE")" 2>/dev/null; fi
}
trap cleanup EXIT

fail_setup() {
  echo "setup failed: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

apt_install() {
  if [ "$(id -u)" != 0 ]; then fail_setup "$1 is missing; install it (apt-get install -y $1) or run as root"; fi
  echo "Installing $1 with apt..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1") >"$ARTIFACTS/apt-$1.log" 2>&1 \
    || fail_setup "apt-get install $1 failed (see $ARTIFACTS/apt-$1.log)"
}

app_healthy() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$TEST_APP_URL/api/health"
}

redis_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/${REDIS_PORT}" && printf 'PING\r\n' >&3 && read -r -t 2 reply <&3 && [[ "$reply" == +PONG* ]]) 2>/dev/null
}

[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || apt_install chromium
# Emoji in provider data must render in the e2e screenshots, not as empty boxes.
has_emoji_font() {
  fc-list 2>/dev/null | grep -qi emoji || [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]
}
has_emoji_font || apt_install fonts-noto-color-emoji

if ! redis_answers; then
  command -v redis-server >/dev/null || apt_install redis-server
  REDIS_PIDFILE="$PWD/$ARTIFACTS/redis.pid"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes --pidfile "$REDIS_PIDFILE" >/dev/null
  for _ in $(seq 50); do redis_answers && break; sleep 0.1; done
  redis_answers || fail_setup "redis-server did not start on port $REDIS_PORT"
fi

# The sandboxes keep their state in the test database: each run starts from an empty one, as from a fresh process.
redis_flush_test_db() {
  (exec 3<>"/dev/tcp/127.0.0.1/${REDIS_PORT}" && printf 'SELECT %s\r\nFLUSHDB\r\n' "${TEST_REDIS_DB:-5}" >&3 \
    && read -r -t 2 selected <&3 && read -r -t 2 flushed <&3 && [[ "$selected" == +OK* && "$flushed" == +OK* ]]) 2>/dev/null
}
redis_flush_test_db || fail_setup "could not empty Redis database ${TEST_REDIS_DB:-5} for the tests"

echo "== typecheck (app and tests)"
./node_modules/.bin/tsc --noEmit -p . && echo 0 >"$ARTIFACTS/typecheck.status" || echo 1 >"$ARTIFACTS/typecheck.status"

echo "== lint"
./node_modules/.bin/eslint . --max-warnings 0 && echo 0 >"$ARTIFACTS/lint.status" || echo 1 >"$ARTIFACTS/lint.status"

echo "== build"
./node_modules/.bin/next build >"$ARTIFACTS/build.log" 2>&1 || { tail -40 "$ARTIFACTS/build.log"; fail_setup "next build failed"; }
tail -25 "$ARTIFACTS/build.log"

echo "== start app on $TEST_APP_URL"
PORT="$TEST_PORT" APP_URL="$TEST_APP_URL" REDIS_URL="$TEST_REDIS_URL" SANDBOX_CONTROL=1 \
  SECRET_KEY="$TEST_SECRET_KEY" \
  ./node_modules/.bin/next start -H 127.0.0.1 -p "$TEST_PORT" >"$ARTIFACTS/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 100); do
  app_healthy && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$ARTIFACTS/app.log"; fail_setup "the app exited while starting"; }
  sleep 0.3
done
app_healthy || { cat "$ARTIFACTS/app.log"; fail_setup "the app did not become healthy"; }

echo "== unit"
./node_modules/.bin/vitest run --project unit --reporter=default --reporter=json --outputFile.json="$ARTIFACTS/unit.json"
echo "== integration"
./node_modules/.bin/vitest run --project integration --reporter=default --reporter=json --outputFile.json="$ARTIFACTS/integration.json"
echo "== e2e"
PLAYWRIGHT_JSON_OUTPUT_NAME="$ARTIFACTS/e2e.json" ./node_modules/.bin/playwright test --reporter=list,json

echo "== OAuth endpoint calls in the test app (sandboxes)"
node scripts/oauth-call-counts.mjs "$ARTIFACTS/oauth-calls.json"

echo "== no issued token, code or secret in any log of this run"
node scripts/check-logs-for-secrets.mjs "$ARTIFACTS" "$TEST_APP_URL" && echo 0 >"$ARTIFACTS/log-scan.status" || echo 1 >"$ARTIFACTS/log-scan.status"

echo "== summary"
node scripts/summarize-tests.mjs "check:typecheck=$ARTIFACTS/typecheck.status" "check:lint=$ARTIFACTS/lint.status" "check:no-secrets-in-logs=$ARTIFACTS/log-scan.status" "unit=$ARTIFACTS/unit.json" "integration=$ARTIFACTS/integration.json" "playwright=$ARTIFACTS/e2e.json"
