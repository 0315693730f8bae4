// SPDX-License-Identifier: BSD-2-Clause
/*
 * The /sys/class/tee view, as files under <runtime>/class/tee/<dev>/, so
 * tools can tell which driver and trusted OS they talk to.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "tee_drv.h"
#include "tee_sysfs.h"
#include "vtee/paths.h"

static int write_attr(const char *dir, const char *name, const char *value)
{
	char path[512];
	FILE *f;

	if (vtee_path_join(path, sizeof(path), dir, name))
		return -ENAMETOOLONG;
	f = fopen(path, "w");
	if (!f)
		return -errno;
	fprintf(f, "%s\n", value);
	return fclose(f) ? -errno : 0;
}

static int mkdirs(const char *path)
{
	char buf[512];

	for (int i = 0; path[i] && i < (int)sizeof(buf) - 1; i++) {
		buf[i] = path[i];
		buf[i + 1] = 0;
		if (path[i + 1] == '/' || !path[i + 1])
			if (mkdir(buf, 0755) && errno != EEXIST)
				return -errno;
	}
	return 0;
}

int tee_sysfs_publish(struct tee_device *teedev, const char *runtime_dir,
		      const char *rpmb_routing_model)
{
	struct tee_ioctl_version_data vers = { 0 };
	char dir[512], value[64];
	int rc;

	if (snprintf(dir, sizeof(dir), "%s/class/tee/%s", runtime_dir,
		     teedev->name) >= (int)sizeof(dir))
		return -ENAMETOOLONG;
	rc = mkdirs(dir);
	if (rc)
		return rc;
	teedev->desc->ops->get_version(teedev, &vers);
	snprintf(value, sizeof(value), "%u", vers.impl_id);
	rc = write_attr(dir, "implementation_id", value);
	if (!rc && teedev->desc->ops->get_tee_revision &&
	    !teedev->desc->ops->get_tee_revision(teedev, value, sizeof(value)))
		rc = write_attr(dir, "revision", value);
	if (!rc && rpmb_routing_model)
		rc = write_attr(dir, "rpmb_routing_model", rpmb_routing_model);
	return rc;
}
