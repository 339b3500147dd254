# Shared by the robustness scripts (source it): builds kho and sets $kho to its path.
#   KHO_BIN=PATH        use this kho binary, build nothing
#   KHO_CONFIG=debug    build configuration (default: release)
#   KHO_SCRATCH=DIR     SwiftPM scratch path (default: .build)
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -n ${KHO_BIN:-} ]]; then
    kho=$(readlink -f "$KHO_BIN")
else
    config=${KHO_CONFIG:-release}
    scratch=${KHO_SCRATCH:-.build}
    command -v swift >/dev/null || { echo "swift is not installed (see tools/setup)" >&2; exit 2; }
    echo "== build ($config, $scratch) ==" >&2
    swift build -c "$config" --scratch-path "$scratch" --product kho 2>&1 | grep -E "error|warning: |Build complete" >&2 || true
    kho=$(readlink -f "$scratch/$config/kho")
fi
[[ -x $kho ]] || { echo "no kho binary at $kho" >&2; exit 2; }
export KHO_BIN=$kho
