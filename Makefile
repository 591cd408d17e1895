# s370 - top-level build.  One non-recursive Makefile: every component's sources are listed here,
# objects go to $(BUILD)/obj mirroring the tree, programs to $(BUILD)/bin.
#
#   make            build everything          make test      unit + end-to-end tests
#   make run        build and boot the default system
#   make bench      benchmarks                make clean     remove build/
#   SAN=1           build and test with AddressSanitizer + UndefinedBehaviorSanitizer (in build/san)
#   BUILD=DIR       build somewhere else than build/ (SAN=1 then uses DIR/san)

BUILD ?= build
ifeq ($(SAN),1)
override BUILD := $(BUILD)/san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif

CC ?= cc
CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -I. $(SANFLAGS) $(EXTRA_CFLAGS)
LDFLAGS := $(SANFLAGS)
CHECK_LIBS = $(shell pkg-config --libs check)
CURSES_LIBS = $(shell pkg-config --libs ncursesw)
TELNET_LIBS = -ltelnet

objects = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))

COMMON_SRC := $(wildcard common/*.c)
ASM_LIB_SRC := $(filter-out tools/asm370/main.c,$(wildcard tools/asm370/*.c))
CPU_SRC := $(wildcard cpu370/*.c)
IO_SRC := $(wildcard channels/*.c devices/*.c devices/*/*.c)
IMAGE_SRC := $(wildcard devices/images/*.c)
DASD370_SRC := $(wildcard tools/dasd370/*.c)
TAPE370_SRC := $(wildcard tools/tape370/*.c)
DIRC370_SRC := $(wildcard tools/dirc370/*.c)
DIRC370_LIB_SRC := $(filter-out tools/dirc370/main.c,$(DIRC370_SRC))
S370_SRC := $(wildcard console/*.c)
CONSOLE_LIB_SRC := $(filter-out console/main.c,$(S370_SRC))
UNIT_SRC := $(wildcard tests/unit/*.c tests/unit/*/*.c)

ASM370 := $(BUILD)/bin/asm370
UNIT_TESTS := $(BUILD)/tests/unit_tests
PROGRAMS := $(ASM370) $(if $(DASD370_SRC),$(BUILD)/bin/dasd370) $(if $(TAPE370_SRC),$(BUILD)/bin/tape370) \
            $(if $(S370_SRC),$(BUILD)/bin/s370) $(BUILD)/bin/dirc370

.PHONY: all deps test-deps test unit e2e bench bench-compare fuzz fuzz-telnet run clean cp images
all: deps $(PROGRAMS) cp images

deps:
	@sh scripts/deps.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(ASM370): $(call objects,tools/asm370/main.c $(ASM_LIB_SRC) $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ -lm

# Image tools link only the image library; the emulator links everything but the assembler's main.
$(BUILD)/bin/dasd370: $(call objects,$(DASD370_SRC) $(IMAGE_SRC) $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ -lz

$(BUILD)/bin/tape370: $(call objects,$(TAPE370_SRC) $(IMAGE_SRC) $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ -lz

# The directory compiler knows DASD models from the geometry table.
$(BUILD)/bin/dirc370: $(call objects,$(DIRC370_SRC) devices/images/dasd_geometry.c $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^

$(BUILD)/bin/s370: $(call objects,$(S370_SRC) $(IO_SRC) $(CPU_SRC) $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(TELNET_LIBS) -lz -lm -lpthread

# The benchmarks' exact instruction counter: IPLs a configuration and prints CPU 0's count.
$(BUILD)/bin/count370: $(call objects,bench/count370.c $(CONSOLE_LIB_SRC) $(IO_SRC) $(CPU_SRC) $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(TELNET_LIBS) -lz -lm -lpthread

# The unit-test runner's suite list is generated from the `Suite *suite_NAME(void)` definitions.
$(BUILD)/tests/suites.h: $(UNIT_SRC)
	@mkdir -p $(@D)
	@sed -n 's/^Suite \*suite_\([A-Za-z0-9_]*\)(void).*/SUITE(\1)/p' $(UNIT_SRC) > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

$(BUILD)/obj/tests/unit/main.o: $(BUILD)/tests/suites.h
$(BUILD)/obj/tests/unit/main.o: CFLAGS += -I$(BUILD)/tests

$(UNIT_TESTS): $(call objects,$(UNIT_SRC) $(ASM_LIB_SRC) $(CPU_SRC) $(IO_SRC) $(CONSOLE_LIB_SRC) $(DIRC370_LIB_SRC) \
                              $(COMMON_SRC))
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(CURSES_LIBS) $(TELNET_LIBS) -lz -lm -lpthread

test-deps:
	@sh scripts/deps.sh test

unit: deps $(UNIT_TESTS)
	$(UNIT_TESTS)

e2e: all test-deps
	@BUILD=$(BUILD) sh tests/e2e/run

test: fuzz-telnet unit e2e

# Coverage-guided fuzzing of the assembler (clang's libFuzzer), FUZZ_SECONDS long, seeded with the
# test programs; crashes are written to build/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -std=gnu11 -g -O1 -I. -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
fuzz: deps
	@mkdir -p build/fuzz/corpus
	@cp tests/e2e/asm370/progs/*.asm build/fuzz/corpus/
	clang $(FUZZ_FLAGS) -o build/fuzz/asm370_fuzz tests/fuzz/asm370_fuzz.c $(ASM_LIB_SRC) $(COMMON_SRC) -lm
	cd build/fuzz && ./asm370_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=4096 corpus

# The telnet/3270 input path under libFuzzer for a bounded time; part of `make test`.
TELNET_FUZZ_SECONDS ?= 20
fuzz-telnet: test-deps
	@mkdir -p $(BUILD)/fuzz/telnet_corpus
	clang $(FUZZ_FLAGS) -o $(BUILD)/fuzz/telnet_fuzz tests/fuzz/telnet_fuzz.c console/tn3270_session.c \
		$(IO_SRC) $(CPU_SRC) $(COMMON_SRC) $(TELNET_LIBS) -lz -lm -lpthread
	@cd $(BUILD)/fuzz && if ./telnet_fuzz -max_total_time=$(TELNET_FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
		-max_len=8192 telnet_corpus > telnet_fuzz.log 2>&1; then tail -1 telnet_fuzz.log; \
		else tail -40 telnet_fuzz.log; echo "fuzz-telnet: a crash input is in $(BUILD)/fuzz"; exit 1; fi

bench: all $(BUILD)/bin/count370
	@BUILD=$(BUILD) sh bench/run

# The same workloads on Hercules 3.13 too (installed with apt-get when missing), side by side.
bench-compare: all $(BUILD)/bin/count370
	@BUILD=$(BUILD) sh bench/run --compare

# CP: one assembly of cp/cp.asm (see cp/README.md), loaded at X'10000' by the IPL loader.
CP_SRC := $(wildcard cp/*.asm cp/macros/* cp/src/*.asm)
CP_NUCLEUS := $(BUILD)/cp/cp.bin

cp: $(CP_NUCLEUS)

$(CP_NUCLEUS): $(CP_SRC) $(ASM370)
	@mkdir -p $(dir $@)
	$(ASM370) -I cp/macros -I cp/src -f bin --origin 10000 -o $@ -l $(BUILD)/cp/cp.lst cp/cp.asm

# The volumes CP runs from (cms-images/build.sh: the IPL loader, SYSHDR, the nucleus, the directory,
# paging and spool areas, the demo guest), booted with cms-images/s370.cnf; see cp/README.md.
IMAGES := $(BUILD)/images
images: $(IMAGES)/sysres.cckd

$(IMAGES)/sysres.cckd: $(CP_NUCLEUS) $(wildcard cms-images/* cms-images/guests/*) cp/loader/iplload.asm \
                       $(ASM370) $(BUILD)/bin/dasd370 $(BUILD)/bin/dirc370
	sh cms-images/build.sh $(BUILD)/bin $(CP_NUCLEUS) $(IMAGES)

run: all
	@BUILD=$(BUILD) sh scripts/run.sh

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
