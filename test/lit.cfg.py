# lit configuration of escape's tests.
#
# A build's <build>/test/lit.site.cfg.py (configured by CMake) sets the plugin,
# the LLVM tools and the LLVM version, then loads this file. Run either
#   lit -sv build-19/test                     (what `cmake --build build-19 --target check` does)
#   lit -sv test/some/dir -Dbuild=build-22    (from the source tree; build defaults to build-19)
import os
import subprocess

import lit.formats

if not hasattr(config, "escape_plugin"):
    # Loaded directly from the source tree: find a build's site config, which
    # loads this file again with the build's facts.
    build = lit_config.params.get("build", os.environ.get("ESCAPE_BUILD", "build-19"))
    src_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    site = os.path.join(src_root, build, "test", "lit.site.cfg.py")
    if not os.path.isfile(site):
        lit_config.fatal(
            "no %s: configure a build first (scripts/test, or cmake -S . -B %s), "
            "or run lit on <build>/test" % (site, build)
        )
    lit_config.load_config(config, site)
else:
    config.name = "escape-llvm%d" % config.llvm_major
    config.test_format = lit.formats.ShTest(execute_external=False)
    config.suffixes = [".ll", ".c", ".cpp", ".test"]
    config.excludes = ["Inputs"]
    config.test_source_root = os.path.join(config.escape_src_root, "test")
    config.test_exec_root = os.path.join(config.escape_obj_root, "test")

    tools = config.llvm_tools_dir
    clang = os.path.join(tools, "clang")
    clangxx = os.path.join(tools, "clang++")

    # FileCheck, not, count and a bare `opt` resolve to this LLVM's tools.
    config.environment["PATH"] = os.pathsep.join([tools, config.environment.get("PATH", "")])
    for var in ("ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"):
        config.environment.pop(var, None)

    # Longest first: lit substitutes in order, and %clang is a prefix of %clangxx.
    config.substitutions.append(("%clangxx", clangxx))
    config.substitutions.append(("%clang", clang))
    config.substitutions.append(("%opt", os.path.join(tools, "opt")))
    config.substitutions.append(("%plugin", config.escape_plugin))
    config.substitutions.append(("%llvm_major", str(config.llvm_major)))
    config.substitutions.append(
        (
            "%difftest",
            "bash %s --clang %s --plugin %s"
            % (
                os.path.join(config.escape_src_root, "scripts", "difftest"),
                clang,
                config.escape_plugin,
            ),
        )
    )

    config.available_features.add("llvm-%d" % config.llvm_major)
    if config.llvm_major >= 21:
        config.available_features.add("llvm-at-least-21")

    def has_asan_runtime():
        """True when this clang can link -fsanitize=address (Debian: libclang-rt-N-dev)."""

        def ask(*args):
            try:
                out = subprocess.run([clang, *args], capture_output=True, text=True, timeout=30)
                return out.stdout.strip() if out.returncode == 0 else ""
            except (OSError, subprocess.SubprocessError):
                return ""

        candidates = []
        for name in ("libclang_rt.asan-x86_64.a", "libclang_rt.asan.a"):
            candidates.append(ask("-print-file-name=" + name))
        runtime_dir = ask("-print-runtime-dir")
        if runtime_dir:
            candidates += [
                os.path.join(runtime_dir, "libclang_rt.asan-x86_64.a"),
                os.path.join(runtime_dir, "libclang_rt.asan.a"),
            ]
        return any(os.path.isabs(p) and os.path.isfile(p) for p in candidates)

    if has_asan_runtime():
        config.available_features.add("asan")

    # lld of this LLVM (Debian: lld-N), for link-time optimization tests.
    if os.path.isfile(os.path.join(tools, "ld.lld")):
        config.available_features.add("lld")

    # LLVM's opt-viewer (in the llvm-N package) with what it imports (Debian:
    # python3-yaml, python3-pygments): remark records rendered as HTML.
    opt_viewer = os.path.join(os.path.dirname(tools), "share", "opt-viewer", "opt-viewer.py")
    imports = subprocess.run(["python3", "-c", "import yaml, pygments"], capture_output=True)
    if os.path.isfile(opt_viewer) and imports.returncode == 0:
        config.available_features.add("opt-viewer")
        # Before %opt, of which it is an extension.
        config.substitutions.insert(0, ("%opt-viewer", "python3 " + opt_viewer))
