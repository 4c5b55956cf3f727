package dev.cutover.ingest.bounce;

/**
 * The bounce classification codes Momentum writes in field 12 of a bouncelog line, with the name and the
 * category the Momentum 4 documentation gives each
 * (support.sparkpost.com/momentum/4/4-bounce-logger-classification-codes, table "Bounce Classification Codes";
 * also SparkPost/momentum-documentation {@code docs/web-momo4/bounce_logger.classification.codes.md}, commit
 * dc215d7).
 *
 * <p>For example code 22 is {@link #MAILBOX_FULL}, named "Mailbox Full", in the Soft category, so
 * {@code BounceClass.of(22).isTransient()} is true; code 10 is {@link #INVALID_RECIPIENT}, in the Hard category,
 * so it {@link #isPermanent()}; code 26 is not documented and {@code of(26)} is null.
 *
 * <p>Implementer notes: the page files every class under one of five categories: Undetermined, Hard, Soft,
 * Admin and Block. Only Soft and Hard say whether the failure is transient or permanent, so a class of the other
 * three categories is neither {@link #isTransient()} nor {@link #isPermanent()}; its {@link #category()} is kept
 * for callers that decide for themselves. The older reference page of the same table (web-ref, "identical for all
 * versions of Momentum") lists the codes and names without categories and spells code 54 "Relay Denied"; the name
 * here follows the Momentum 4 page.
 */
public enum BounceClass {
    UNDETERMINED(1, "Undetermined", Category.UNDETERMINED),
    INVALID_RECIPIENT(10, "Invalid Recipient", Category.HARD),
    SOFT_BOUNCE(20, "Soft Bounce", Category.SOFT),
    DNS_FAILURE(21, "DNS Failure", Category.SOFT),
    MAILBOX_FULL(22, "Mailbox Full", Category.SOFT),
    TOO_LARGE(23, "Too Large", Category.SOFT),
    TIMEOUT(24, "Timeout", Category.SOFT),
    ADMIN_FAILURE(25, "Admin Failure", Category.ADMIN),
    GENERIC_BOUNCE_NO_RCPT(30, "Generic Bounce: No RCPT", Category.HARD),
    GENERIC_BOUNCE(40, "Generic Bounce", Category.SOFT),
    MAIL_BLOCK(50, "Mail Block", Category.BLOCK),
    SPAM_BLOCK(51, "Spam Block", Category.BLOCK),
    SPAM_CONTENT(52, "Spam Content", Category.BLOCK),
    PROHIBITED_ATTACHMENT(53, "Prohibited Attachment", Category.BLOCK),
    RELAYING_DENIED(54, "Relaying Denied", Category.BLOCK),
    AUTO_REPLY(60, "Auto-Reply", Category.SOFT),
    TRANSIENT_FAILURE(70, "Transient Failure", Category.SOFT),
    SUBSCRIBE(80, "Subscribe", Category.ADMIN),
    UNSUBSCRIBE(90, "Unsubscribe", Category.HARD),
    CHALLENGE_RESPONSE(100, "Challenge-Response", Category.SOFT);

    /** The category column of the classification table. */
    public enum Category {
        /** The response text could not be identified. */
        UNDETERMINED,
        /** A hard bounce: the failure is permanent. */
        HARD,
        /** A soft bounce: the failure is transient. */
        SOFT,
        /** Administrative: a failure by Momentum's own policies (25), or a subscribe request (80). */
        ADMIN,
        /** The receiver blocked the message. */
        BLOCK
    }

    private static final BounceClass[] BY_CODE = byCode();

    private final int code;
    private final String documentedName;
    private final Category category;

    BounceClass(int code, String documentedName, Category category) {
        this.code = code;
        this.documentedName = documentedName;
        this.category = category;
    }

    /**
     * @param code a classification code as written in a bouncelog line, any int
     * @return the class with that code, or null when the documentation lists none
     */
    public static BounceClass of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /** @return the classification code, 1 to 100 */
    public int code() {
        return code;
    }

    /** @return the name the documentation gives the class, such as {@code Mailbox Full} */
    public String documentedName() {
        return documentedName;
    }

    /** @return the documented category */
    public Category category() {
        return category;
    }

    /** @return true when the documentation files the class as Soft, a transient failure */
    public boolean isTransient() {
        return category == Category.SOFT;
    }

    /** @return true when the documentation files the class as Hard, a permanent failure */
    public boolean isPermanent() {
        return category == Category.HARD;
    }

    private static BounceClass[] byCode() {
        int highest = 0;
        for (BounceClass c : values()) {
            highest = Math.max(highest, c.code);
        }

        final BounceClass[] table = new BounceClass[highest + 1];
        for (BounceClass c : values()) {
            table[c.code] = c;
        }
        return table;
    }
}
