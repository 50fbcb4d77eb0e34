// Symbol visibility for plugins built with -fvisibility=hidden.
#pragma once

/// Marks a symbol that the host must find in a plugin (or a plugin in the host).
#define SDM_EXPORT __attribute__((visibility("default")))
