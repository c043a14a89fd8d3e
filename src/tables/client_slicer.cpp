#include "tables/client_slicer.h"

namespace creditscore::tables {

Table select_rows(const Table& table, std::span<const std::uint32_t> rows) {
  std::vector<Column> columns;
  for (std::size_t c = 0; c < table.column_count(); ++c) {
    const Column& source = table.column(c);
    Column column;
    column.kind = source.kind;
    column.categories = source.categories;
    for (std::uint32_t r : rows) {
      switch (source.kind) {
        case ColumnKind::Id:
          column.ids.push_back(source.ids[r]);
          break;
        case ColumnKind::Number:
          column.numbers.push_back(source.numbers[r]);
          break;
        case ColumnKind::Category:
          column.codes.push_back(source.codes[r]);
          break;
      }
    }
    columns.push_back(std::move(column));
  }
  return Table(table.schema(), std::move(columns), rows.size());
}

ClientSlicer::ClientSlicer(const Dataset& data)
    : data_(data),
      train_(data.application_train.ids("SK_ID_CURR")),
      test_(data.application_test.ids("SK_ID_CURR")),
      bureau_(data.bureau.ids("SK_ID_CURR")),
      bureau_balance_(data.bureau_balance.ids("SK_ID_BUREAU")),
      previous_(data.previous_application.ids("SK_ID_CURR")),
      pos_cash_(data.pos_cash_balance.ids("SK_ID_CURR")),
      installments_(data.installments_payments.ids("SK_ID_CURR")),
      credit_card_(data.credit_card_balance.ids("SK_ID_CURR")) {}

Dataset ClientSlicer::slice(std::int64_t client) const {
  Dataset one;
  one.application_train = select_rows(data_.application_train, train_.rows_of(client));
  one.application_test = select_rows(data_.application_test, test_.rows_of(client));
  const auto credits = bureau_.rows_of(client);
  one.bureau = select_rows(data_.bureau, credits);
  std::vector<std::uint32_t> months;
  for (std::int64_t credit : one.bureau.ids("SK_ID_BUREAU")) {
    const auto rows = bureau_balance_.rows_of(credit);
    months.insert(months.end(), rows.begin(), rows.end());
  }
  one.bureau_balance = select_rows(data_.bureau_balance, months);
  one.previous_application = select_rows(data_.previous_application, previous_.rows_of(client));
  one.pos_cash_balance = select_rows(data_.pos_cash_balance, pos_cash_.rows_of(client));
  one.installments_payments =
      select_rows(data_.installments_payments, installments_.rows_of(client));
  one.credit_card_balance = select_rows(data_.credit_card_balance, credit_card_.rows_of(client));
  one.absent = data_.absent;  // a table the data set lacks is not known for the client either
  return one;
}

}  // namespace creditscore::tables
