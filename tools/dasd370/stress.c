/*
 * stress.c - the crash-test driver behind tests/e2e/dasd/kill9.sh (hidden subcommands).
 *   dasd370 stress FILE SEED [WRITES]: writes pseudo-random track images (write n is a function of
 *       SEED and n alone), flushing after every BATCH writes and then printing the number of the
 *       last write acknowledged, until killed or WRITES is reached.
 *   dasd370 stress-check FILE BEFORE SEED ACKED: after a kill, every track of FILE must hold the
 *       image of its last write up to ACKED, or of a later write (done but not yet acknowledged when
 *       the process died), or, never written, what it held in BEFORE (a copy taken before the run).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/util.h"
#include "devices/images/ckd_image.h"
#include "tools/dasd370/dasd370.h"

enum { BATCH = 4, MAX_RECORDS = 6, MAX_DATA = 3000 };

/* SplitMix64: a fixed pseudo-random sequence from a seed. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t write_state(uint64_t seed, uint64_t n)
{
    uint64_t state = seed * 0x100000001B3ull + n;
    next_random(&state);
    return state;
}

static uint32_t track_of_write(const struct ckd_image_info *info, uint64_t seed, uint64_t n)
{
    uint64_t state = write_state(seed, n);
    return (uint32_t)(next_random(&state) % info->tracks);
}

static void fill(uint8_t *p, uint32_t n, uint64_t *state, uint64_t n_write)
{
    switch (next_random(state) % 3) {
    case 0:
        memset(p, 0, n);
        break;
    case 1:
        memset(p, (int)(n_write & 0xFF), n);
        break;
    default:
        for (uint32_t i = 0; i < n; i++)
            p[i] = (uint8_t)next_random(state);
    }
}

static uint8_t *put_count(uint8_t *p, uint32_t cylinder, uint32_t head, uint8_t r, uint8_t kl, uint16_t dl)
{
    uint8_t count[8] = {(uint8_t)(cylinder >> 8), (uint8_t)cylinder, (uint8_t)(head >> 8), (uint8_t)head,
                        r, kl, (uint8_t)(dl >> 8), (uint8_t)dl};
    memcpy(p, count, sizeof count);
    return p + sizeof count;
}

/* Write n's image: one write in eight a null track, else R1 carrying SEED and n, then more records. */
static uint32_t image_of_write(const struct ckd_image_info *info, uint64_t seed, uint64_t n, uint8_t *buf)
{
    uint64_t state = write_state(seed, n);
    uint32_t track = (uint32_t)(next_random(&state) % info->tracks);
    uint32_t cylinder = track / info->heads, head = track % info->heads;
    if (next_random(&state) % 8 == 0)
        return ckd_null_track(buf, cylinder, head, 1);
    uint8_t *p = buf + ckd_null_track(buf, cylinder, head, 1) - CKD_END_SIZE;
    uint32_t room = info->track_size - (uint32_t)(p - buf) - CKD_END_SIZE;
    unsigned records = 1 + (unsigned)(next_random(&state) % MAX_RECORDS);
    for (unsigned r = 1; r <= records; r++) {
        uint8_t kl = next_random(&state) % 4 == 0 ? 8 : 0;
        uint32_t dl = (r == 1 ? 16 : 0) + (uint32_t)(next_random(&state) % MAX_DATA);
        if (CKD_COUNT_SIZE + kl + dl > room)
            break;
        p = put_count(p, cylinder, head, (uint8_t)r, kl, (uint16_t)dl);
        fill(p, kl + dl, &state, n);
        if (r == 1)
            for (int i = 0; i < 8; i++)
                p[kl + i] = (uint8_t)(seed >> (56 - 8 * i)), p[kl + 8 + i] = (uint8_t)(n >> (56 - 8 * i));
        p += kl + dl;
        room -= CKD_COUNT_SIZE + kl + dl;
    }
    memset(p, 0xFF, CKD_END_SIZE);
    return (uint32_t)(p + CKD_END_SIZE - buf);
}

static bool parse_seed(const char *text, uint64_t *seed)
{
    unsigned long v;
    if (!dasd_parse_count(text, 0xFFFFFFFFul, &v))
        return false;
    *seed = v;
    return true;
}

int dasd_stress(int argc, char **argv)
{
    uint64_t seed;
    unsigned long writes = 100000;
    if (argc < 3 || argc > 4 || !parse_seed(argv[2], &seed) || (argc == 4 && !dasd_parse_count(argv[3], 1ul << 30, &writes)))
        return dasd_complain(EXIT_USAGE, "stress: FILE SEED [WRITES] expected");
    char err[512];
    struct ckd_image *img = ckd_open(argv[1], NULL, err, sizeof err);
    if (!img)
        return dasd_complain(1, "%s", err);
    struct ckd_image_info info;
    ckd_info(img, &info);
    uint8_t *buf = xmalloc(info.track_size);
    bool ok = true;
    for (uint64_t n = 1; ok && n <= writes; n++) {
        uint32_t length = image_of_write(&info, seed, n, buf);
        ok = ckd_write_track(img, track_of_write(&info, seed, n), buf, length);
        if (ok && n % BATCH == 0 && (ok = ckd_flush(img))) {
            printf("%llu\n", (unsigned long long)n);
            fflush(stdout);
        }
    }
    if (!ok)
        dasd_complain(1, "stress: %s", ckd_error(img));
    free(buf);
    return ckd_close(img, err, sizeof err) && ok ? 0 : 1;
}

struct verify {
    struct ckd_image *image, *before;
    struct ckd_image_info info;
    uint64_t seed, acked;
    uint8_t *actual, *expected;
};

/* Whether the track holds write n's image (n 0: the track as it was before the run). */
static bool holds_write(struct verify *v, uint32_t track, uint64_t n, uint32_t length)
{
    uint32_t want;
    if (n == 0) {
        if (!ckd_read_track(v->before, track, v->expected, &want))
            return false;
    } else {
        want = image_of_write(&v->info, v->seed, n, v->expected);
    }
    return want == length && memcmp(v->actual, v->expected, length) == 0;
}

static bool verify_track(struct verify *v, uint32_t track, uint64_t last_acked)
{
    uint32_t length;
    if (!ckd_read_track(v->image, track, v->actual, &length)) {
        printf("track %u: %s\n", track, ckd_error(v->image));
        return false;
    }
    if (holds_write(v, track, last_acked, length))
        return true;
    /* Up to a batch and a half of writes may have been done after the last acknowledgement printed. */
    for (uint64_t n = v->acked + 1; n <= v->acked + 2 * BATCH; n++)
        if (track_of_write(&v->info, v->seed, n) == track && holds_write(v, track, n, length))
            return true;
    printf("track %u: holds neither write %llu (its last acknowledged) nor a later one\n", track,
           (unsigned long long)last_acked);
    return false;
}

static int verify_all(struct verify *v)
{
    uint64_t *last = xcalloc(v->info.tracks, sizeof *last);
    for (uint64_t n = 1; n <= v->acked; n++)
        last[track_of_write(&v->info, v->seed, n)] = n;
    unsigned bad = 0;
    for (uint32_t t = 0; t < v->info.tracks; t++)
        bad += !verify_track(v, t, last[t]);
    free(last);
    printf("stress-check: %u tracks, %llu acknowledged writes: %s\n", v->info.tracks, (unsigned long long)v->acked,
           bad ? "MISMATCHES" : "all as written");
    return bad ? EXIT_DAMAGED : 0;
}

int dasd_stress_check(int argc, char **argv)
{
    struct verify v = {0};
    unsigned long acked;
    if (argc != 5 || !parse_seed(argv[3], &v.seed) || !dasd_parse_count(argv[4], 1ul << 30, &acked))
        return dasd_complain(EXIT_USAGE, "stress-check: FILE BEFORE SEED ACKED expected");
    v.acked = acked;
    char err[512];
    struct ckd_open_options ro = {.read_only = true};
    v.image = ckd_open(argv[1], &ro, err, sizeof err);
    if (!v.image)
        return dasd_complain(1, "%s", err);
    v.before = ckd_open(argv[2], &ro, err, sizeof err);
    if (!v.before) {
        ckd_close(v.image, NULL, 0);
        return dasd_complain(1, "%s", err);
    }
    ckd_info(v.image, &v.info);
    v.actual = xmalloc(v.info.track_size);
    v.expected = xmalloc(v.info.track_size);
    int status = verify_all(&v);
    free(v.actual), free(v.expected);
    ckd_close(v.image, NULL, 0);
    ckd_close(v.before, NULL, 0);
    return status;
}
