/*
 * check.c - the checks that need the whole directory: no users at all, a userid defined twice, a
 * user whose devices do not fit in one 4096-byte record (errors); minidisks of different users or
 * devices overlapping on one volume, a LINK to a user or device the directory does not have
 * (warnings: VM/370 allows both, but they are usually mistakes).
 */
#include <string.h>

#include "tools/dirc370/dirc370.h"

static const struct dir_user *find_user(const struct directory *dir, const char *userid)
{
    for (size_t i = 0; i < dir->nusers; i++)
        if (strcmp(dir->users[i].userid, userid) == 0)
            return &dir->users[i];
    return NULL;
}

static const struct dir_device *find_device(const struct dir_user *u, uint16_t vaddr)
{
    for (size_t i = 0; i < u->ndevices; i++)
        if (u->devices[i].vaddr == vaddr)
            return &u->devices[i];
    return NULL;
}

static void check_duplicate_users(const struct directory *dir, struct dir_diag *diag)
{
    for (size_t i = 0; i < dir->nusers; i++)
        for (size_t j = 0; j < i; j++)
            if (dir->users[i].userid[0] && strcmp(dir->users[i].userid, dir->users[j].userid) == 0) {
                dir_error(diag, dir->users[i].line, "user %s is already defined (line %d)", dir->users[i].userid,
                          dir->users[j].line);
                break;
            }
}

static void check_sizes(const struct directory *dir, struct dir_diag *diag)
{
    for (size_t i = 0; i < dir->nusers; i++) {
        const struct dir_user *u = &dir->users[i];
        if (dir_user_size(u) > DIR_RECORD_SIZE)
            dir_error(diag, u->line, "user %s has %zu devices: its record would take %zu bytes, more than %d (at most %d devices)",
                      u->userid, u->ndevices, dir_user_size(u), DIR_RECORD_SIZE, DIR_MAX_DEVICES);
    }
}

/* Every pair of minidisks on one volume whose cylinder ranges meet, reported at the later one. */
static void check_overlaps(const struct directory *dir, struct dir_diag *diag)
{
    for (size_t i = 0; i < dir->nusers; i++)
        for (size_t a = 0; a < dir->users[i].ndevices; a++) {
            const struct dir_device *x = &dir->users[i].devices[a];
            if (x->kind != DIR_MDISK)
                continue;
            for (size_t j = 0; j <= i; j++)
                for (size_t b = 0; b < (j == i ? a : dir->users[j].ndevices); b++) {
                    const struct dir_device *y = &dir->users[j].devices[b];
                    if (y->kind != DIR_MDISK || strcmp(x->volser, y->volser) != 0)
                        continue;
                    if (x->cylinder < y->cylinder + y->cylinders && y->cylinder < x->cylinder + x->cylinders)
                        dir_warning(diag, x->line,
                                    "MDISK %03X of %s (cylinders %u-%u of %s) overlaps MDISK %03X of %s "
                                    "(cylinders %u-%u, line %d)",
                                    x->vaddr, dir->users[i].userid, x->cylinder, x->cylinder + x->cylinders - 1,
                                    x->volser, y->vaddr, dir->users[j].userid, y->cylinder,
                                    y->cylinder + y->cylinders - 1, y->line);
                }
        }
}

static void check_links(const struct directory *dir, struct dir_diag *diag)
{
    for (size_t i = 0; i < dir->nusers; i++)
        for (size_t k = 0; k < dir->users[i].ndevices; k++) {
            const struct dir_device *d = &dir->users[i].devices[k];
            if (d->kind != DIR_LINK)
                continue;
            const struct dir_user *owner = find_user(dir, d->link_user);
            if (!owner)
                dir_warning(diag, d->line, "LINK to %s: no such user in the directory", d->link_user);
            else if (!find_device(owner, d->link_vaddr))
                dir_warning(diag, d->line, "LINK to %s %03X: %s has no such device", d->link_user, d->link_vaddr,
                            d->link_user);
        }
}

void dir_check(const struct directory *dir, struct dir_diag *diag)
{
    if (dir->nusers == 0) {
        dir_error(diag, 1, "no USER statements: the directory is empty");
        return;
    }
    check_duplicate_users(dir, diag);
    check_sizes(dir, diag);
    check_overlaps(dir, diag);
    check_links(dir, diag);
}
