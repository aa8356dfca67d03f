#include "ui/theme/AppearanceMenu.h"

#include "ui/theme/Appearance.h"
#include "ui/theme/ThemeIcon.h"

#include <QActionGroup>

namespace ward {

AppearanceMenu::AppearanceMenu(QWidget* parent)
    : QMenu(tr("&View"), parent),
      m_light(new QAction(ThemeIcon::icon(IconName::LightTheme), tr("&Light theme"), this)),
      m_night(new QAction(ThemeIcon::icon(IconName::NightTheme), tr("&Night theme (dark ward)"), this)),
      m_large(new QAction(ThemeIcon::icon(IconName::LargeText), tr("Lar&ge text"), this))
{
    setObjectName(QStringLiteral("appearanceMenu"));
    m_light->setObjectName(QStringLiteral("lightThemeAction"));
    m_night->setObjectName(QStringLiteral("nightThemeAction"));
    m_large->setObjectName(QStringLiteral("largeTextAction"));
    auto* group = new QActionGroup(this);
    group->setExclusive(true);
    for (QAction* a : {m_light, m_night, m_large}) {
        a->setCheckable(true);
        addAction(a);
    }
    group->addAction(m_light);
    group->addAction(m_night);
    insertSeparator(m_large);

    Appearance* appearance = Appearance::instance();
    connect(m_light, &QAction::triggered, appearance, [appearance] { appearance->chooseKind(Theme::Kind::Light); });
    connect(m_night, &QAction::triggered, appearance, [appearance] { appearance->chooseKind(Theme::Kind::Night); });
    connect(m_large, &QAction::triggered, appearance, [appearance](bool on) { appearance->chooseLargeText(on); });
    connect(appearance, &Appearance::changed, this, &AppearanceMenu::showTheme);
    showTheme(Appearance::theme());
}

void AppearanceMenu::showTheme(const Theme& theme)
{
    m_light->setChecked(theme.kind() == Theme::Kind::Light);
    m_night->setChecked(theme.kind() == Theme::Kind::Night);
    m_large->setChecked(theme.largeText());
}

} // namespace ward
