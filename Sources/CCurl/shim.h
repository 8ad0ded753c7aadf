#ifndef CHARGEBACK_CCURL_SHIM_H
#define CHARGEBACK_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
// these typed wrappers give each argument kind its own entry point.
static inline CURLcode cb_curl_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cb_curl_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cb_curl_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cb_curl_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cb_curl_easy_setopt_off_t(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*cb_curl_data_callback)(char *, size_t, size_t, void *);
static inline CURLcode cb_curl_easy_setopt_callback(CURL *h, CURLoption o, cb_curl_data_callback v) { return curl_easy_setopt(h, o, v); }
typedef int (*cb_curl_xferinfo_callback)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode cb_curl_easy_setopt_xferinfo(CURL *h, cb_curl_xferinfo_callback v) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, v); }
static inline CURLcode cb_curl_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }

// Macros built from expressions do not import into Swift.
static const long cb_curl_global_all = CURL_GLOBAL_ALL;
static const size_t cb_curl_error_size = CURL_ERROR_SIZE;
#endif
