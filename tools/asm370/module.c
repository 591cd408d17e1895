/*
 * module.c - turning the final pass's sections, symbols and relocation items into the obj_module the
 * output writers take: ESDIDs in order of definition (SD/PC, CM, ER, WX; DSECTs get none), LD items
 * for ENTRY names, section text, RLD items by ESDID, and the END entry point.
 */
#include <stdlib.h>
#include <string.h>

#include "tools/asm370/asm_int.h"
#include "common/util.h"

static enum obj_esd_type esd_type(const struct section *s)
{
    switch (s->kind) {
    case BASE_CSECT:
        return s->name[0] ? OBJ_SD : OBJ_PC;
    case BASE_COM:
        return OBJ_CM;
    case BASE_EXTRN:
        return OBJ_ER;
    default:
        return OBJ_WX;
    }
}

static void add_esd(struct obj_module *m, size_t *cap, const char *name, enum obj_esd_type type, int esdid,
                    uint32_t address, uint32_t length, int owner)
{
    struct obj_esd *e = ARRAY_PUSH(m->esds, m->nesds, *cap);
    memset(e, 0, sizeof *e);
    snprintf(e->name, sizeof e->name, "%.8s", name);
    e->type = type;
    e->esdid = esdid;
    e->address = address;
    e->length = length;
    e->owner = owner;
}

static void add_section_text(struct obj_module *m, size_t *cap, const struct section *s)
{
    struct obj_section *t = ARRAY_PUSH(m->sections, m->nsections, *cap);
    t->esdid = s->esdid;
    t->address = s->origin;
    t->length = s->high;
    t->bytes = xcalloc(1, s->high);
    t->defined = xcalloc(1, s->high);
    uint32_t n = s->capacity < s->high ? s->capacity : s->high;
    if (n) {
        memcpy(t->bytes, s->bytes, n);
        memcpy(t->defined, s->defined, n);
    }
}

static void add_entry_points(struct assembly *a, size_t *esd_cap)
{
    for (size_t i = 0; i < a->nsymbols; i++) {
        struct symbol *s = a->symbol_list[i];
        if (!s->is_entry)
            continue;
        a->cur = s->nrefs ? s->refs[0] : 0;
        if (!s->defined || !value_is_simple(&s->value) || a->sections[s->value.terms[0].base].kind != BASE_CSECT) {
            stmt_error(a, 0, "ENTRY %s is not an address in a control section of this assembly", s->name);
            continue;
        }
        if (strlen(s->name) > 8)
            stmt_error(a, 0, "external name %s is longer than 8 characters", s->name);
        const struct section *owner = &a->sections[s->value.terms[0].base];
        add_esd(&a->module, esd_cap, s->name, OBJ_LD, 0, (uint32_t)s->value.v, 0, owner->esdid);
    }
}

void module_build(struct assembly *a)
{
    struct obj_module *m = &a->module;
    size_t esd_cap = 0, section_cap = 0, rld_cap = 0;
    int next_esdid = 1;
    for (size_t i = 0; i < a->nsections; i++) {
        struct section *s = &a->sections[i];
        if (s->kind == BASE_DSECT)
            continue;
        s->esdid = next_esdid++;
        add_esd(m, &esd_cap, s->name, esd_type(s), s->esdid, s->origin, s->high, 0);
        if (s->kind == BASE_CSECT)
            add_section_text(m, &section_cap, s);
    }
    add_entry_points(a, &esd_cap);
    for (size_t i = 0; i < a->nrlds; i++) {
        const struct pending_rld *p = &a->rlds[i];
        struct obj_rld *r = ARRAY_PUSH(m->rlds, m->nrlds, rld_cap);
        r->relocation = a->sections[p->relocation_base].esdid;
        r->position = a->sections[p->position_section].esdid;
        r->address = p->address;
        r->length = p->length;
        r->negative = p->negative;
        r->vcon = p->vcon;
    }
    if (a->has_entry) {
        m->has_entry = true;
        m->entry_esdid = a->sections[a->entry.terms[0].base].esdid;
        m->entry = (uint32_t)a->entry.v;
    }
    const char *first = a->first_csect >= 0 ? a->sections[a->first_csect].name : "";
    snprintf(m->deck_id, sizeof m->deck_id, "%.8s", first[0] ? first : "ASM370");
}
