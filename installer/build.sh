#!/usr/bin/env bash
# Packages the lab with jpackage (JDK 17+): an app image with its own trimmed Java runtime, and
# with --deb a Debian package as well (needs dpkg-deb and fakeroot).
#   installer/build.sh          -> installer/target/nvlab/bin/nvlab
#   installer/build.sh --deb    -> also installer/target/nvlab_<version>_amd64.deb
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/installer/target"
cd "$root"
mvn -q -B -Dstyle.color=never -DskipTests -Dspotless.skip=true clean package -pl app -am

rm -rf "$out"
mkdir -p "$out/input" "$out/fxmods"
cp app/target/nvlab-app.jar "$out/input/"
for j in app/target/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*-linux.jar) cp "$j" "$out/fxmods/" ;;  # JavaFX goes into the runtime image
    javafx-*) ;;                                   # classifier-less JavaFX jars are empty placeholders
    *) cp "$j" "$out/input/" ;;
  esac
done
cp -r sample-projects "$out/input/sample-projects"
rm -rf "$out/input/sample-projects"/*/runs  # runs recorded on this machine are not samples

version="$(sed -n 's/^version=//p' app/target/classes/org/nvlab/app/version.properties | sed 's/-SNAPSHOT//')"
modules="javafx.controls,javafx.swing,java.desktop,java.management,jdk.management,java.logging,java.sql,java.naming,java.xml,jdk.unsupported"
common=(--name nvlab --app-version "$version" --input "$out/input" --main-jar nvlab-app.jar
        --main-class org.nvlab.app.Main --module-path "$out/fxmods" --add-modules "$modules"
        --java-options "-Dnvlab.home=\$APPDIR"
        --jlink-options "--strip-debug --no-man-pages --no-header-files"
        --description "Neuro-Vesicles Lab" --vendor "Neuro-Vesicles Lab")
jpackage --type app-image --dest "$out" "${common[@]}"
echo "app image: $out/nvlab (run $out/nvlab/bin/nvlab)"
if [ "${1:-}" = "--deb" ]; then
  jpackage --type deb --dest "$out" "${common[@]}" --linux-package-deps "libgtk-3-0, libgl1" \
    --linux-shortcut --linux-app-category science
  echo "package: $(ls "$out"/*.deb)"
fi
