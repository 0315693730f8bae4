// SPDX-License-Identifier: BSD-2-Clause
/*
 * Supplicant plugins, loaded as optee_client loads them: every *.plugin in
 * the plugin directory is dlopen()ed, its `plugin_method` found and its
 * init() run.  A missing directory means no plugins.
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "supp.h"
#include "tee_plugin_method.h"
#include "vtee/optee_rpc_cmd.h"
#include "vtee/teec_uuid.h"

#define OPTEE_INVOKE_PLUGIN 0

static bool is_plugin_name(const char *name)
{
	size_t n = strlen(name);

	return n > 7 && !strcmp(name + n - 7, ".plugin");
}

static void load_one(struct supp_plugins *pl, const char *dir,
		     const char *name)
{
	char path[1024];
	const struct plugin_method *m;
	void *h;

	if (pl->count == SUPP_MAX_PLUGINS ||
	    snprintf(path, sizeof(path), "%s/%s", dir, name) >=
		    (int)sizeof(path))
		return;
	h = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
	m = h ? dlsym(h, "plugin_method") : NULL;
	if (!m || !m->invoke) {
		supp_log(SUPP_LOG_ERROR, "plugin %s: %s", path,
			 h ? "no plugin_method" : dlerror());
		if (h)
			dlclose(h);
		return;
	}
	if (m->init && m->init() != TEEC_SUCCESS) {
		supp_log(SUPP_LOG_ERROR, "plugin %s: init failed", path);
		dlclose(h);
		return;
	}
	pl->handle[pl->count] = h;
	pl->method[pl->count++] = m;
	supp_log(SUPP_LOG_INFO, "plugin %s loaded", m->name ? m->name : name);
}

int supp_plugins_load(struct supp_plugins *pl, const char *dir)
{
	struct dirent *e;
	DIR *d;

	memset(pl, 0, sizeof(*pl));
	if (!dir)
		return 0;
	d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : -errno;
	while ((e = readdir(d)))
		if (is_plugin_name(e->d_name))
			load_one(pl, dir, e->d_name);
	closedir(d);
	return 0;
}

void supp_plugins_unload(struct supp_plugins *pl)
{
	for (size_t i = 0; i < pl->count; i++)
		dlclose(pl->handle[i]);
	memset(pl, 0, sizeof(*pl));
}

static const struct plugin_method *find(const struct supp_plugins *pl,
					const uint8_t uuid[16])
{
	uint8_t o[16];

	for (size_t i = 0; i < pl->count; i++) {
		teec_uuid_octets(o, &pl->method[i]->uuid);
		if (!memcmp(o, uuid, 16))
			return pl->method[i];
	}
	return NULL;
}

/* The four 32-bit UUID words, each four octets in memory order. */
static void request_uuid(const struct tee_ioctl_param *p, uint8_t uuid[16])
{
	uint32_t w[4] = { (uint32_t)p[0].b, (uint32_t)p[0].c,
			  (uint32_t)p[1].a, (uint32_t)p[1].b };

	memcpy(uuid, w, sizeof(w));
}

uint32_t supp_plugin_invoke(struct supp *s, struct tee_ioctl_param *p,
			    size_t n)
{
	const struct plugin_method *m;
	struct supp_memref data;
	uint8_t uuid[16];
	size_t out_len = 0;
	uint32_t res;

	if (n != 4 || p[0].attr != TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT ||
	    p[1].attr != TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT ||
	    p[2].attr != TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT ||
	    p[3].attr != TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT ||
	    p[0].a != OPTEE_INVOKE_PLUGIN ||
	    supp_memref_get(&s->shms, &p[3], &data))
		return SUPP_RES_BAD_PARAMETERS;
	request_uuid(p, uuid);
	m = find(&s->plugins, uuid);
	if (!m) {
		supp_shm_put(&s->shms, data.shm);
		return SUPP_RES_ITEM_NOT_FOUND;
	}
	res = m->invoke((unsigned int)p[1].c, (unsigned int)p[2].a, data.ptr,
			data.size, &out_len);
	supp_shm_put(&s->shms, data.shm);
	p[2].b = out_len;
	return res;
}
