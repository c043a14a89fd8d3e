// EXPECT_ERROR_KIND(statement, kind): the statement throws a creditscore::Error of that kind.
#pragma once

#include <gtest/gtest.h>

#include "common/error.h"

#define EXPECT_ERROR_KIND(statement, expected_kind)                                              \
  do {                                                                                           \
    try {                                                                                        \
      statement;                                                                                 \
      ADD_FAILURE() << #statement " threw nothing";                                              \
    } catch (const ::creditscore::Error& error) {                                                \
      EXPECT_EQ(::creditscore::kind_name(error.kind()), ::creditscore::kind_name(expected_kind)) \
          << #statement ": " << error.what();                                                    \
    }                                                                                            \
  } while (false)
