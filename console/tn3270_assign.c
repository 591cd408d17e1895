/*
 * tn3270_assign.c - which terminal device a telnet client gets (see tn3270.h): the device it names
 * with @CUU, or the first free one of its kind in its group that accepts its address.  The rules are
 * Hercules' (console.c connect_client): a named device that cannot be had is refused, never replaced
 * by another.
 */
#include "console/tn3270.h"

#include <arpa/inet.h>
#include <stdio.h>

#include "devices/console/console.h"

bool tn_is_display(const struct device *d)
{
    return d->type == &device_display;
}

bool tn_is_line_console(const struct device *d)
{
    return d->type == &device_console && console_prefix(d) == NULL;
}

static bool of_kind(const struct device *d, bool display)
{
    return display ? tn_is_display(d) : tn_is_line_console(d);
}

static const struct terminal_filter *filter_of(const struct device *d)
{
    return tn_is_display(d) ? display_filter(d) : console_filter(d);
}

static const char *kind_name(bool display)
{
    return display ? "3270" : "1052 or 3215";
}

struct search {
    bool display;
    const struct tn_request *r;
    uint32_t ip;
    tn_busy_fn *busy;
    void *ctx;
    struct device *found;
};

static void consider(struct device *d, void *arg)
{
    struct search *s = arg;
    if (!s->found && of_kind(d, s->display) && !s->busy(s->ctx, d) &&
        terminal_filter_match(filter_of(d), s->r->group, s->ip))
        s->found = d;
}

static struct device *named_device(struct channel_subsystem *cs, bool display, const struct tn_request *r,
                                   uint32_t ip, tn_busy_fn *busy, void *ctx, char *why, size_t whylen)
{
    struct device *d = r->address <= 0xFFF ? channel_device(cs, (uint16_t)r->address) : NULL;
    const struct terminal_filter *f = d && of_kind(d, display) ? filter_of(d) : NULL;
    struct in_addr a = {htonl(ip)};
    char address[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a, address, sizeof address);
    if (!d)
        snprintf(why, whylen, "device %03X does not exist", r->address);
    else if (!f)
        snprintf(why, whylen, "device %03X is not a %s device", r->address, kind_name(display));
    else if ((ip & f->mask) != (f->ip & f->mask))
        snprintf(why, whylen, "device %03X does not accept clients from %s", r->address, address);
    else if (busy(ctx, d))
        snprintf(why, whylen, "device %03X is busy", r->address);
    else
        return d;
    return NULL;
}

struct device *tn_choose_device(struct channel_subsystem *cs, bool display, const struct tn_request *r,
                                uint32_t ip, tn_busy_fn *busy, void *ctx, char *why, size_t whylen)
{
    if (r->address >= 0)
        return named_device(cs, display, r, ip, busy, ctx, why, whylen);
    struct search s = {display, r, ip, busy, ctx, NULL};
    channel_each_device(cs, consider, &s);
    if (s.found)
        return s.found;
    if (r->group[0])
        snprintf(why, whylen, "no %s device of group %s is free", kind_name(display), r->group);
    else
        snprintf(why, whylen, "no %s device is free", kind_name(display));
    return NULL;
}
