"""`make vendor-nlds`: copy the NL Design System CSS this app uses out of npm packages.

    python -m competentie.theming.vendor BUILD_DIR   (BUILD_DIR holds the `npm pack` tarballs)

Writes static/vendor/nlds/utrecht-components.css (the component packages' dist/index.css, one
after the other) and voorbeeld-tokens.css (the voorbeeld token set, only the token families the
Utrecht components and our mapping read), with the licence text. Only the standard library.
"""

import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent.parent / "static" / "vendor" / "nlds"
TOKEN_FAMILIES = re.compile(r"^\s*--(utrecht|basis|voorbeeld|nl)-")


def member(tarball: Path, name: str) -> str:
    with tarfile.open(tarball) as archive:
        return archive.extractfile(f"package/{name}").read().decode("utf-8")


def main(build: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    components, tokens, licence = [], None, None
    for tarball in sorted(build.glob("*.tgz")):
        if "voorbeeld-design-tokens" in tarball.name:
            css = member(tarball, "dist/theme.css")
            kept = [line for line in css.splitlines() if not line.startswith("  --") or TOKEN_FAMILIES.match(line)]
            tokens = f"/* {tarball.name.removesuffix('.tgz')} (EUPL-1.2), dist/theme.css */\n" + "\n".join(kept) + "\n"
            licence = member(tarball, "LICENSE.md")
        else:
            components.append(
                f"/* {tarball.name.removesuffix('.tgz')} (EUPL-1.2) */\n{member(tarball, 'dist/index.css')}"
            )
    (OUT / "utrecht-components.css").write_text("\n".join(components), encoding="utf-8")
    (OUT / "voorbeeld-tokens.css").write_text(tokens, encoding="utf-8")
    (OUT / "LICENSE.md").write_text(licence, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
