#include "app/document_pdf.h"

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

  // A heading, kept on one page with `first`, the start of what follows it.
  void heading(const std::string& text, const std::string& first, double first_indent) {
    const double together = height(layout(text, kHeadingFont, 0)) + kAfterHeading +
                            height(layout(first, kTextFont, first_indent));
    if (y_ + together > kPageHeight - kMargin && y_ > kMargin) new_page();
    block(text, kHeadingFont, 0, kAfterHeading);
  }
  // A list item: the bullet, then its text wrapped under itself.
  void item(const std::string& text) {
    const double top = block(text, kTextFont, kItemIndent, 4);
    const auto bullet = layout("•", kTextFont, 0);
    cairo_move_to(context_, kMargin + kItemIndent - 10, top);
    pango_cairo_show_layout(context_, bullet.get());
  }

  // `indent` shifts the block right; `space_after` in points. Returns where its top was drawn.
  double block(const std::string& text, const char* font, double indent, double space_after) {
    const auto laid = layout(text, font, indent);
    const double block_height = height(laid);
    if (y_ + block_height > kPageHeight - kMargin && y_ > kMargin) new_page();
    cairo_move_to(context_, kMargin + indent, y_);
    pango_cairo_show_layout(context_, laid.get());
    const double top = y_;
    y_ += block_height + space_after;
    return top;
  }

  static constexpr const char* kTextFont = "DejaVu Sans 10";
  static constexpr const char* kHeadingFont = "DejaVu Sans Bold 12";
  static constexpr double kItemIndent = 14;

 private:
  static constexpr double kAfterHeading = 6;

  std::unique_ptr<PangoLayout, LayoutDeleter> layout(const std::string& text, const char* font,
                                                     double indent) const {
    std::unique_ptr<PangoLayout, LayoutDeleter> laid(pango_cairo_create_layout(context_));
    std::unique_ptr<PangoFontDescription, FontDeleter> description(
        pango_font_description_from_string(font));
    pango_layout_set_font_description(laid.get(), description.get());
    pango_layout_set_width(laid.get(), static_cast<int>((kTextWidth - indent) * PANGO_SCALE));
    pango_layout_set_wrap(laid.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(laid.get(), text.c_str(), -1);
    return laid;
  }
  static double height(const std::unique_ptr<PangoLayout, LayoutDeleter>& laid) {
    int width = 0, height = 0;
    pango_layout_get_size(laid.get(), &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }
  void new_page() {
    cairo_show_page(context_);
    y_ = kMargin;
  }

  cairo_t* context_;
  double y_ = kMargin;
};

}  // namespace

std::string document_pdf(const Document& document) {
  std::string bytes;
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(append_to_string, &bytes, kPageWidth, kPageHeight));
  std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
  cairo_set_source_rgb(context.get(), 0.1, 0.1, 0.1);
  PageWriter page(context.get());
  page.block(document.sender, "DejaVu Sans Bold 16", 0, 14);
  for (const std::string& line : document.heading) page.block(line, PageWriter::kTextFont, 0, 3);
  page.block("", "DejaVu Sans 6", 0, 6);
  for (const DocumentSection& section : document.sections) {
    const bool starts_with_item = section.paragraphs.empty() && !section.items.empty();
    page.heading(section.heading,
                 starts_with_item ? section.items.front()
                                  : (section.paragraphs.empty() ? "" : section.paragraphs.front()),
                 starts_with_item ? PageWriter::kItemIndent : 0);
    for (const std::string& paragraph : section.paragraphs)
      page.block(paragraph, PageWriter::kTextFont, 0, 6);
    for (const std::string& item : section.items) page.item(item);
    page.block("", "DejaVu Sans 6", 0, 6);
  }
  page.block(document.closing, "DejaVu Sans Oblique 10", 0, 0);
  cairo_show_page(context.get());
  context.reset();
  cairo_surface_finish(surface.get());
  const cairo_status_t status = cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS)
    throw internal_error(std::string("document: Cairo could not write the PDF: ") +
                         cairo_status_to_string(status));
  return bytes;
}

}  // namespace creditscore::app
