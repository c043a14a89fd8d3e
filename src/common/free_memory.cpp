#include "common/free_memory.h"

#include <malloc.h>

namespace creditscore {

void release_free_memory() {
  ::malloc_trim(0);
}

}  // namespace creditscore
