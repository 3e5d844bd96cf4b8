/*
 * Baseline for paperjam's durable submit: what this disk allows a plain program per job.
 * Each of THREADS writers loops: create tmp/<t>-<n>, write 4 KiB, fsync, close, rename into new/,
 * fsync new/ -- until SECONDS are over. Prints "<ops/s> <p99 ms>" on one line.
 * Usage: fsync_loop DIR THREADS SECONDS        Build: gcc -O2 -pthread -o fsync_loop fsync_loop.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define JOB_BYTES 4096
#define MAX_SAMPLES (1 << 20)

static const char *root;
static double seconds;
static struct timespec start;

typedef struct { int id; long ops; double *lat; long nlat; } writer;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (t.tv_sec - start.tv_sec) + (t.tv_nsec - start.tv_nsec) / 1e9;
}

static void die(const char *what, const char *path) {
    fprintf(stderr, "fsync_loop: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void *run(void *arg) {
    writer *w = arg;
    char buf[JOB_BYTES], tmp[4096], dst[4096], dir[4096];
    memset(buf, 'x', sizeof buf);
    snprintf(dir, sizeof dir, "%s/new", root);
    for (long n = 0; now() < seconds; n++) {
        double began = now();
        snprintf(tmp, sizeof tmp, "%s/tmp/%d-%ld", root, w->id, n);
        snprintf(dst, sizeof dst, "%s/new/%d-%ld", root, w->id, n);
        int fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY, 0644);
        if (fd < 0) die("create", tmp);
        if (write(fd, buf, sizeof buf) != sizeof buf) die("write", tmp);
        if (fsync(fd) != 0) die("fsync", tmp);
        close(fd);
        if (rename(tmp, dst) != 0) die("rename", tmp);
        int d = open(dir, O_RDONLY | O_DIRECTORY);
        if (d < 0 || fsync(d) != 0) die("fsync", dir);
        close(d);
        if (w->nlat < MAX_SAMPLES) w->lat[w->nlat++] = now() - began;
        w->ops++;
    }
    return NULL;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: fsync_loop DIR THREADS SECONDS\n");
        return 2;
    }
    root = argv[1];
    int threads = atoi(argv[2]);
    seconds = atof(argv[3]);
    char path[4096];
    mkdir(root, 0755);
    snprintf(path, sizeof path, "%s/tmp", root); mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/new", root); mkdir(path, 0755);
    writer *w = calloc(threads, sizeof *w);
    pthread_t *t = calloc(threads, sizeof *t);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < threads; i++) {
        w[i].id = i;
        w[i].lat = malloc(sizeof(double) * MAX_SAMPLES);
        pthread_create(&t[i], NULL, run, &w[i]);
    }
    long ops = 0, nlat = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(t[i], NULL);
        ops += w[i].ops;
        nlat += w[i].nlat;
    }
    double elapsed = now();
    double *all = malloc(sizeof(double) * (nlat ? nlat : 1));
    long k = 0;
    for (int i = 0; i < threads; i++) {
        memcpy(all + k, w[i].lat, sizeof(double) * w[i].nlat);
        k += w[i].nlat;
    }
    qsort(all, nlat, sizeof(double), cmp);
    double p99 = nlat ? all[(long) (nlat * 0.99) < nlat ? (long) (nlat * 0.99) : nlat - 1] * 1000 : 0;
    printf("%.1f %.2f\n", ops / elapsed, p99);
    return 0;
}
