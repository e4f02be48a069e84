# faultline from source on Debian 12, Debian's image and packages only.
#   docker build -t faultline .
#   docker run --rm -v "$PWD/corpus:/corpus" faultline map /corpus
FROM debian:12-slim AS build
WORKDIR /src
COPY . .
RUN apt-get update \
 && bash scripts/setup.sh \
 && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFAULTLINE_BUILD_TESTS=OFF -DFAULTLINE_BUILD_BENCH=OFF \
 && cmake --build build -j"$(nproc)" \
 && cd build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /src/build/faultline_*.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/faultline_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/faultline_*.deb
ENTRYPOINT ["faultline"]
CMD ["--help"]
