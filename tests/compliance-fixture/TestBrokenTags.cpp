// Not built: the fixture of compliance_tags_detected (a tag on a helper, a tag for an unknown requirement, a tag
// that stands above no test slot).
class TestBrokenTags : public QObject
{
    // Proves: AUTH-1
    void aHelperIsNoSlot() {}

private slots:
    // Proves: AUTH-1, NOPE-9
    void provesSomethingUnknown() {}

    // Proves: AUTH-1
    int notASlot = 0;
};
