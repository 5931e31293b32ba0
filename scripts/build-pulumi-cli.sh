#!/usr/bin/env bash
# Builds the Pulumi CLI from the Go module proxy at exactly the version package.json pins for
# @pulumi/pulumi, stamped as the official release is stamped, into .engine/bin/pulumi (ignored).
#
# How upstream builds it (pulumi/pulumi .goreleaser.yml, build "pulumi"): dir pkg, main
# ./cmd/pulumi, flags -trimpath, tags osusergo and grpcnotrace, ldflags
# "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v<version>".
# pkg/go.mod replaces the sdk with ../sdk and atotto/clipboard with a fork; replace directives
# of a dependency are ignored, so tools/pulumi-cli (our main module) requires pkg/v3 and sdk/v3
# at the same version and repeats the clipboard replace.
#
# Go: `go` on PATH, else /usr/local/go/bin/go. The build cache and module cache are Go's own
# (GOCACHE, GOMODCACHE: by default ~/.cache/go-build and ~/go/pkg/mod), so a second build only
# links. Nothing is downloaded except modules from GOPROXY, checked against go.sum.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

go_bin="$(command -v go || true)"
if [ -z "$go_bin" ] && [ -x /usr/local/go/bin/go ]; then go_bin=/usr/local/go/bin/go; fi
if [ -z "$go_bin" ]; then
  echo "build-pulumi-cli: no Go toolchain (go on PATH or /usr/local/go/bin/go)" >&2
  exit 2
fi

version="$(node -p 'require("./package.json").dependencies["@pulumi/pulumi"]')"
for module in github.com/pulumi/pulumi/pkg/v3 github.com/pulumi/pulumi/sdk/v3; do
  if ! grep -Eq "^[[:space:]]*${module} v${version}( |$)" tools/pulumi-cli/go.mod; then
    echo "build-pulumi-cli: tools/pulumi-cli/go.mod must require ${module} v${version}" \
      "(package.json pins @pulumi/pulumi ${version})" >&2
    exit 2
  fi
done

out="$root/.engine/bin/pulumi"
mkdir -p "$(dirname "$out")"
cd tools/pulumi-cli
nice -n 10 "$go_bin" build -mod=readonly -trimpath -tags osusergo,grpcnotrace \
  -ldflags "-w -s -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v${version}" \
  -o "$out" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
echo "build-pulumi-cli: built ${out#"$root"/}, which reports: $("$out" version)"
