#include "app/letter_pdf.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <memory>

#include "common/error.h"

namespace creditscore::app {
namespace {

// A4 in points, with 2 cm margins.
constexpr double kPageWidth = 595.28, kPageHeight = 841.89, kMargin = 56.7;
constexpr double kTextWidth = kPageWidth - 2 * kMargin;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
struct FontDeleter {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

// Lays text out down the page, starting a new page when a block would not fit.
class PageWriter {
 public:
  explicit PageWriter(cairo_t* context) : context_(context) {}

  // `indent` shifts the block right (list items); `space_after` in points.
  void block(const std::string& text, const char* font, double indent, double space_after) {
    std::unique_ptr<PangoLayout, LayoutDeleter> layout(pango_cairo_create_layout(context_));
    std::unique_ptr<PangoFontDescription, FontDeleter> description(
        pango_font_description_from_string(font));
    pango_layout_set_font_description(layout.get(), description.get());
    pango_layout_set_width(layout.get(), static_cast<int>((kTextWidth - indent) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    int width = 0, height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    const double block_height = static_cast<double>(height) / PANGO_SCALE;
    if (y_ + block_height > kPageHeight - kMargin && y_ > kMargin) {
      cairo_show_page(context_);
      y_ = kMargin;
    }
    cairo_move_to(context_, kMargin + indent, y_);
    pango_cairo_show_layout(context_, layout.get());
    y_ += block_height + space_after;
  }

 private:
  cairo_t* context_;
  double y_ = kMargin;
};

}  // namespace

std::string letter_pdf(const Letter& letter) {
  std::string bytes;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &bytes, kPageWidth, kPageHeight));
  std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
  cairo_set_source_rgb(context.get(), 0.1, 0.1, 0.1);
  PageWriter page(context.get());
  page.block(letter.sender, "DejaVu Sans Bold 16", 0, 14);
  for (const std::string& line : letter.heading) page.block(line, "DejaVu Sans 10", 0, 3);
  page.block("", "DejaVu Sans 6", 0, 6);
  for (const LetterSection& section : letter.sections) {
    page.block(section.heading, "DejaVu Sans Bold 12", 0, 6);
    for (const std::string& paragraph : section.paragraphs)
      page.block(paragraph, "DejaVu Sans 10", 0, 6);
    for (const std::string& item : section.items) page.block("•  " + item, "DejaVu Sans 10", 12, 4);
    page.block("", "DejaVu Sans 6", 0, 6);
  }
  page.block(letter.closing, "DejaVu Sans Oblique 10", 0, 0);
  cairo_show_page(context.get());
  context.reset();
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS)
    throw internal_error(std::string("letter: Cairo could not write the PDF: ") +
                         cairo_status_to_string(status));
  return bytes;
}

}  // namespace creditscore::app
