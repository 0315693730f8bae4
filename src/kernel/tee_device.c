// SPDX-License-Identifier: BSD-2-Clause
/* The registry of TEE devices, in registration order (the "tee" class). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tee_drv.h"

#define TEE_NUM_DEVICES 32

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct tee_device *registry[TEE_NUM_DEVICES];

struct tee_device *tee_device_alloc(const struct tee_desc *desc,
				    const char *name, struct ns_ram *ram,
				    void *drvdata)
{
	struct tee_device *teedev = calloc(1, sizeof(*teedev));

	if (!teedev)
		return NULL;
	snprintf(teedev->name, sizeof(teedev->name), "%s", name);
	teedev->desc = desc;
	teedev->ram = ram;
	teedev->drvdata = drvdata;
	pthread_mutex_init(&teedev->mutex, NULL);
	return teedev;
}

void tee_device_free(struct tee_device *teedev)
{
	if (!teedev)
		return;
	pthread_mutex_destroy(&teedev->mutex);
	free(teedev->shm_ids);
	free(teedev);
}

int tee_device_register(struct tee_device *teedev)
{
	int rc = -1;

	pthread_mutex_lock(&registry_lock);
	for (size_t i = 0; i < TEE_NUM_DEVICES; i++) {
		if (!registry[i]) {
			registry[i] = teedev;
			rc = 0;
			break;
		}
	}
	pthread_mutex_unlock(&registry_lock);
	return rc;
}

void tee_device_unregister(struct tee_device *teedev)
{
	pthread_mutex_lock(&registry_lock);
	for (size_t i = 0; i < TEE_NUM_DEVICES; i++)
		if (registry[i] == teedev)
			registry[i] = NULL;
	pthread_mutex_unlock(&registry_lock);
}

struct tee_device *tee_device_next(struct tee_device *prev)
{
	struct tee_device *next = NULL;
	bool seen = !prev;

	pthread_mutex_lock(&registry_lock);
	for (size_t i = 0; i < TEE_NUM_DEVICES && !next; i++) {
		if (seen && registry[i])
			next = registry[i];
		if (registry[i] == prev)
			seen = true;
	}
	pthread_mutex_unlock(&registry_lock);
	return next;
}
