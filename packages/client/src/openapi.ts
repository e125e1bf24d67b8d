// Generated from the Dateline server's OpenAPI document (/docs-json) by openapi-typescript:
// do not edit. `npm run client:types` makes it again after the server's API changed.

export interface paths {
    "/api/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the accounts */
        get: operations["listAccounts"];
        put?: never;
        /** Add an account */
        post: operations["addAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account and end its sessions */
        post: operations["disableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled account */
        post: operations["enableAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/{username}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a new password and end the account’s sessions */
        put: operations["resetPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every live blog, most recently updated first */
        get: operations["listLiveBlogs"];
        put?: never;
        /** Open a live blog */
        post: operations["openLiveBlog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The article view; ETag is its revision, If-None-Match answers 304 */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Older updates, newest first, page by page */
        get: operations["getUpdates"];
        put?: never;
        /** Post an update, or schedule it with publishAt (DESIGN §3b) */
        post: operations["postUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The events the socket pushes, after a revision: for polling clients and CDNs */
        get: operations["getChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/updates/{updateId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct an update's body (and headline), with a reason readers see */
        post: operations["correctUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/updates/{updateId}/retraction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retract an update: readers no longer see it; the reason is for auditors */
        post: operations["retractUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/updates/{updateId}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Pin an update as a key point (pinning it again changes nothing) */
        put: operations["pinUpdate"];
        post?: never;
        /** Unpin an update */
        delete: operations["unpinUpdate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/updates/{updateId}/key-event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Mark an update as a key event (marking it again changes nothing) */
        put: operations["markKeyEvent"];
        post?: never;
        /** Take an update off the key events */
        delete: operations["unmarkKeyEvent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/headline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the headline */
        put: operations["changeHeadline"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Revise the summary */
        put: operations["reviseSummary"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/casualty-figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise the casualty figures */
        post: operations["reviseCasualtyFigures"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a timeline entry */
        post: operations["addTimelineEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/locations/{place}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a place's status (and coordinates) */
        put: operations["updateLocationStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the live blog: it takes no more writes */
        post: operations["closeLiveBlog"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/updates/{updateId}/redaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove an update's named fields from the story and its stored history for ever, under a legal reference */
        post: operations["redactUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/scheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Updates scheduled and not yet published, soonest first */
        get: operations["listScheduledUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/scheduled/{updateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel a scheduled update: it is never published */
        delete: operations["cancelScheduledUpdate"];
        options?: never;
        head?: never;
        /** Change a scheduled update (fields, publishAt) before its time */
        patch: operations["changeScheduledUpdate"];
        trace?: never;
    };
    "/api/live-blogs/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Submissions in the order filed (pending ones unless ?status= says otherwise) */
        get: operations["listSubmissions"];
        put?: never;
        /** File an update for an editor's approval */
        post: operations["submitUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/submissions/{submissionId}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a submission as an update, with optional edits */
        post: operations["approveSubmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/submissions/{submissionId}/rejection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a submission: it is never published */
        post: operations["rejectSubmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored events with all their metadata, oldest first, page by page */
        get: operations["getEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/as-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The article as it stood at a revision or an instant, retracted updates included and marked, its updates a page at a time (beforeRevision, limit) */
        get: operations["getAsOf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every change after revision `from` up to and including `to`: what, who and when */
        get: operations["getDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/casualty-figures/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every revision of the casualty figures, oldest first (CSV with ?format=csv or Accept: text/csv) */
        get: operations["getFiguresHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/integrity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recomputes the hash chain: {ok, checked, firstBrokenRevision?, problem?} */
        get: operations["getIntegrity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/dateline-keys.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Ed25519 keys that sign checkpoints (a JSON Web Key Set; retired keys stay listed) */
        get: operations["getCheckpointKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed head of the story (save it; `npm run audit -- verify --checkpoint` reads it) */
        get: operations["getCheckpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/checkpoint/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Does history extend this checkpoint? {ok, verdict: extends|truncated|rewritten|altered|…, message} */
        post: operations["verifyCheckpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One self-contained, signed file of the story up to a revision (`npm run audit -- verify-bundle`) */
        get: operations["getEvidenceBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{id}/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The story as Atom (RFC 4287), retracted updates as RFC 6721 tombstones */
        get: operations["getAtomFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/{id}/feed.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The story as JSON Feed 1.1; a closed story is `expired` */
        get: operations["getJsonFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/{id}/as-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reader page as it stood at a revision or an instant, as an HTML fragment */
        get: operations["getAsOfFragment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oembed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** oEmbed of a story or update address: a frame of /embed/:id (format=json only) */
        get: operations["getOEmbed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/newsroom/live-blogs/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who wrote each event after a revision (type, at, author), oldest first */
        get: operations["getActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the endpoints (never their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /** Register an endpoint; the answer carries its signing secret, shown this once */
        post: operations["registerWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint: its status and, when failing or disabled, why */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete an endpoint: nothing more is sent to it */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest delivery attempts, newest first: time, status, duration, outcome */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the secret: the new one signs from now, the old one beside it for 24 h */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send to a failing or disabled endpoint again, from the first event it has not received */
        post: operations["resumeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The story's questions, newest first (ETag: the questions' revision) */
        get: operations["listQuestions"];
        put?: never;
        /** Ask the desk a question (anyone); nothing of it is public until an editor answers it */
        post: operations["askQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/questions/{questionId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish one update holding the question (with the name the reader gave) and the answer */
        post: operations["answerQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/questions/{questionId}/dismissal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a question: it is never published */
        post: operations["dismissQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/questions/{questionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Purge a question: the reader's name and text are removed from the store itself */
        delete: operations["purgeQuestion"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/push/vapid-public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's VAPID public key: a browser's applicationServerKey */
        get: operations["getVapidPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live-blogs/{id}/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow a live story's key events and breaking news: a PushSubscription's JSON */
        post: operations["subscribeToPush"];
        /** Stop following: the body names the subscription by its endpoint */
        delete: operations["unsubscribeFromPush"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldProblemSchema: {
            /** @description a body path (`dead.count`), a header (`If-Match`) or a query parameter (`limit`) */
            field: string;
            /** @description what is wrong with it */
            detail: string;
        };
        ProblemDetails: {
            /**
             * @description the kind, as a URI
             * @example https://dateline.invalid/problems/invalid
             */
            type: string;
            /**
             * @description the status's phrase
             * @example Bad Request
             */
            title: string;
            /** @example 400 */
            status: number;
            /** @example kind must be one of the following values: report, breaking, … */
            detail: string;
            /**
             * @description the kind, as in socket acks
             * @example invalid
             */
            kind?: string;
            /** @description on every 400: the fields at fault */
            errors?: components["schemas"]["FieldProblemSchema"][];
            /** @description on 412: the revision to read (also the ETag) */
            currentRevision?: number;
            /** @description on 429: seconds to wait (also Retry-After) */
            retryAfterSeconds?: number;
            /**
             * @deprecated
             * @description the same as status
             */
            statusCode: number;
            /**
             * @deprecated
             * @description the same as title
             */
            error: string;
            /**
             * @deprecated
             * @description the same as detail
             */
            message: string;
            /**
             * @deprecated
             * @description the older shapes of errors and the rest
             */
            details?: {
                [key: string]: unknown;
            };
        };
        AccountSummaryResponse: {
            /** @example ann */
            username: string;
            /** @example Ann Editor */
            displayName: string;
            /** @enum {string} */
            role: "editor" | "contributor" | "auditor" | "admin";
            /** @enum {string} */
            status: "active" | "disabled";
            /** Format: date-time */
            addedAt: string;
            openSessions: number;
        };
        AddAccountDto: {
            /**
             * @description 2 to 40 lower-case letters, digits, dots, dashes or underscores
             * @example ann
             */
            username: string;
            /** @example Ann Editor */
            displayName: string;
            /** @enum {string} */
            role: "editor" | "contributor" | "auditor" | "admin";
            password: string;
        };
        ResetPasswordDto: {
            password: string;
        };
        LiveBlogListItemResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            id: string;
            title: string;
            /** @enum {string} */
            status: "live" | "closed";
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            lastUpdatedAt: string;
            revision: number;
        };
        FigureResponse: {
            /** @example 75 */
            count: number;
            /**
             * @example exact
             * @enum {string}
             */
            qualifier: "exact" | "at-least" | "more-than" | "about";
        };
        CasualtiesResponse: {
            dead: components["schemas"]["FigureResponse"] | null;
            injured: components["schemas"]["FigureResponse"] | null;
            /** @example Health ministry */
            source: string;
            scope: string | null;
            note: string | null;
            /**
             * Format: date-time
             * @description when they were last revised
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
        };
        KeyEventResponse: {
            updateId: string;
            /** @description the update's headline, or the first sentence of its text */
            headline: string;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            /** @description where the update was posted */
            revision: number;
        };
        MediaResponse: {
            /**
             * Format: uri
             * @description https only
             */
            url: string;
            caption?: string;
            credit?: string;
        };
        CorrectionNoteResponse: {
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            /** @example The town was Talas, not Naryn */
            reason: string;
        };
        PublicUpdateResponse: {
            /** @example us-envoy-meets-otunbayeva */
            updateId: string;
            /** @description the revision that posted it */
            revision: number;
            /** @enum {string} */
            kind: "report" | "breaking" | "quote" | "eyewitness" | "analysis" | "statement" | "background";
            /** @description the update's own line, plain text */
            headline: string | null;
            /** @description plain text or the safe markup subset */
            body: string;
            byline: string | null;
            attribution: string | null;
            location: string | null;
            sources: string | null;
            media: components["schemas"]["MediaResponse"] | null;
            /**
             * Format: date-time
             * @description when it was posted
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            /** Format: date-time */
            occurredAt: string | null;
            /** @description the last correction */
            corrected: components["schemas"]["CorrectionNoteResponse"] | null;
        };
        TimelineEntryResponse: {
            entryId: string;
            /** @example March 2005 */
            period: string;
            text: string;
        };
        CoordinatesResponse: {
            /** @example 42.87 */
            lat: number;
            /** @example 74.59 */
            lon: number;
        };
        LocationResponse: {
            /** @example Bishkek */
            place: string;
            /** @example Opposition in control */
            status: string;
            coordinates: components["schemas"]["CoordinatesResponse"] | null;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
        };
        SignedCheckpointResponse: {
            /** @enum {string} */
            format: "dateline-checkpoint/1";
            /** @description the signing key's id: its RFC 7638 JWK thumbprint */
            keyId: string;
            /** @description the store's epoch */
            storeEpoch: string;
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            /** @description the revision whose stored hash it signs */
            revision: number;
            /** @description the stored hash of the event at `revision`: sha256, lower-case hex */
            hash: string;
            /**
             * Format: date-time
             * @description when the server signed it (its clock)
             */
            at: string;
            /** @description Ed25519 over the RFC 8785 canonical JSON of the other members, base64url */
            signature: string;
        };
        ArticleResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            id: string;
            /** @example Kyrgyzstan President Bakiyev refuses to resign */
            title: string;
            summary: string | null;
            /** @enum {string} */
            status: "live" | "closed";
            /** @example en */
            language: string;
            /**
             * @description IANA time zone
             * @example Europe/London
             */
            timeZone: string;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description the latest event's `at`
             * @example 2010-04-08T17:37:00Z
             */
            lastUpdatedAt: string;
            /** Format: date-time */
            closedAt: string | null;
            /** @description the last event folded; also the ETag */
            revision: number;
            casualties: components["schemas"]["CasualtiesResponse"] | null;
            /** @description the pinned updates (key points) */
            pinned: string[];
            /** @description in the order the updates were posted */
            keyEvents: components["schemas"]["KeyEventResponse"][];
            /** @description newest first, the first page */
            updates: components["schemas"]["PublicUpdateResponse"][];
            /** @description pass as `beforeRevision` to /updates for the next, older page; null after the last */
            nextBeforeRevision: number | null;
            /** @description in story order */
            timeline: components["schemas"]["TimelineEntryResponse"][];
            locations: components["schemas"]["LocationResponse"][];
            /** @description a schema.org LiveBlogPosting (JSON-LD) of the story and its first page of updates */
            jsonLd: {
                [key: string]: unknown;
            };
            /** @description the signed head of the newest revision this node holds */
            checkpoint: components["schemas"]["SignedCheckpointResponse"] | null;
        };
        UpdatesPageResponse: {
            /** @description newest first */
            updates: components["schemas"]["PublicUpdateResponse"][];
            /** @description pass as `beforeRevision` for the next page */
            nextBeforeRevision: number | null;
        };
        PublicEventResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            revision: number;
            /** @description the event's place in the store, never reused */
            position: number;
            /**
             * @description a newer server may add types
             * @enum {string}
             */
            type: "LiveBlogOpened" | "HeadlineChanged" | "SummaryRevised" | "UpdatePosted" | "UpdateCorrected" | "UpdateRetracted" | "UpdateRedacted" | "UpdatePinned" | "UpdateUnpinned" | "KeyEventMarked" | "KeyEventUnmarked" | "CasualtyFiguresRevised" | "TimelineEntryAdded" | "LocationStatusUpdated" | "LiveBlogClosed" | "UpdateScheduled" | "ScheduledUpdateChanged" | "ScheduledUpdateCancelled" | "SubmissionReceived" | "SubmissionRejected";
            /**
             * Format: date-time
             * @description the story's own time of the event
             */
            at: string;
            /** @description the event's data (DESIGN §3), never a reason for a retraction or a redaction; an update retracted since is `{updateId, retracted: true}`; a redaction carries `text`, the placeholder to show */
            data: {
                [key: string]: unknown;
            };
        };
        ChangesPageResponse: {
            liveBlogId: string;
            /** @description the store's epoch: another one means the store was replaced; redraw */
            epoch: string;
            afterRevision: number;
            /** @description the story's head when the page was read; also the ETag */
            revision: number;
            /** @description oldest first */
            events: components["schemas"]["PublicEventResponse"][];
            /** @description pass as `afterRevision` for the next page or poll */
            nextAfterRevision: number;
            hasMore: boolean;
            checkpoint: components["schemas"]["SignedCheckpointResponse"] | null;
        };
        OpenLiveBlogDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            /**
             * @description slug; made from the title when omitted
             * @example kyrgyzstan-2010-04-08
             */
            id?: string;
            /** @example Kyrgyzstan President Bakiyev refuses to resign */
            title: string;
            summary?: string;
            /** @example en */
            language?: string;
            /** @example Europe/London */
            timeZone?: string;
        };
        WriteResultResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            /** @description the story's revision after the write */
            revision: number;
            /** @description the last event's place in the store */
            position: number;
        };
        MediaDto: {
            /** @example https://news.bbcimg.co.uk/media/images/47584000/gif/_47584441_kyrgyzstan_map.gif */
            url: string;
            caption?: string;
            credit?: string;
        };
        PostUpdateDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            /** @description made by the server when omitted */
            updateId?: string;
            /** @enum {string} */
            kind: "report" | "breaking" | "quote" | "eyewitness" | "analysis" | "statement" | "background";
            /**
             * @description one line, at most 120 characters
             * @example Gunfire in Bishkek after nightfall
             */
            headline?: string;
            /** @description plain text or a safe markup subset (p, br, b, i, em, strong, a[https], lists, blockquote) */
            body: string;
            /** @example Rayhan Demytrie, BBC News, Bishkek */
            byline?: string;
            /** @example Iskander Asanaliev, Bishkek citizen */
            attribution?: string;
            /** @example Bishkek */
            location?: string;
            /** @example Reuters, quoting the interior ministry */
            sources?: string;
            /** @description when the development itself happened, if not when it was posted */
            occurredAt?: string;
            media?: components["schemas"]["MediaDto"];
            /**
             * @description publish later, at this instant (at most 30 days ahead): the answer says status "scheduled"
             * @example 2010-04-08T18:00:00Z
             */
            publishAt?: string;
        };
        CorrectUpdateDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            body: string;
            /** @example The town was Talas, not Naryn */
            reason: string;
            /**
             * @description a new headline; omitted, the update keeps its own
             * @example Gunfire in Talas after nightfall
             */
            headline?: string;
        };
        RetractUpdateDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            reason: string;
        };
        DatedDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
        };
        ChangeHeadlineDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            title: string;
        };
        ReviseSummaryDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            summary: string;
        };
        FigureDto: {
            /** @example 75 */
            count: number;
            /** @enum {string} */
            qualifier: "exact" | "at-least" | "more-than" | "about";
        };
        CasualtyFiguresDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            dead?: components["schemas"]["FigureDto"];
            injured?: components["schemas"]["FigureDto"];
            /** @example Health ministry */
            source: string;
            scope?: string;
            note?: string;
        };
        TimelineEntryDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            /** @description made by the server when omitted */
            entryId?: string;
            /** @example March 2005 */
            period: string;
            text: string;
        };
        CoordinatesDto: {
            /** @example 42.87 */
            lat: number;
            /** @example 74.59 */
            lon: number;
        };
        LocationStatusDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            /** @example Opposition in control */
            status: string;
            coordinates?: components["schemas"]["CoordinatesDto"];
        };
        CloseLiveBlogDto: {
            /**
             * @description ISO 8601 instant the story dates this change at (default: now)
             * @example 2010-04-08T17:37:00Z
             */
            at?: string;
            reason?: string;
        };
        RedactUpdateDto: {
            /**
             * @example [
             *       "body"
             *     ]
             */
            fields: ("body" | "byline" | "attribution" | "location" | "sources" | "media.caption" | "media.credit")[];
            /**
             * @description the legal reference, shown where the text was: "[redacted: <reference>]"
             * @example Court order 2010/117
             */
            reference: string;
            /**
             * @description why, for auditors only
             * @example Names a minor
             */
            reason: string;
        };
        ScheduledListResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            /** @description the story revision the list was read at */
            revision: number;
            /** @description soonest first: {updateId, publishAt, kind, body, …, scheduledBy, scheduledAt, changed} */
            scheduled: {
                [key: string]: unknown;
            }[];
        };
        ChangeScheduledUpdateDto: {
            /** @enum {string} */
            kind?: "report" | "breaking" | "quote" | "eyewitness" | "analysis" | "statement" | "background";
            /**
             * @description one line, at most 120 characters
             * @example Gunfire in Bishkek after nightfall
             */
            headline?: string;
            /** @description plain text or a safe markup subset (p, br, b, i, em, strong, a[https], lists, blockquote) */
            body?: string;
            /** @example Rayhan Demytrie, BBC News, Bishkek */
            byline?: string;
            /** @example Iskander Asanaliev, Bishkek citizen */
            attribution?: string;
            /** @example Bishkek */
            location?: string;
            /** @example Reuters, quoting the interior ministry */
            sources?: string;
            /** @description when the development itself happened, if not when it was posted */
            occurredAt?: string;
            media?: components["schemas"]["MediaDto"];
            /**
             * @description publish later, at this instant (at most 30 days ahead): the answer says status "scheduled"
             * @example 2010-04-08T18:00:00Z
             */
            publishAt?: string;
        };
        CancelScheduledUpdateDto: {
            /** @example the embargo was lifted early */
            reason?: string;
        };
        SubmitUpdateDto: {
            /** @enum {string} */
            kind: "report" | "breaking" | "quote" | "eyewitness" | "analysis" | "statement" | "background";
            /**
             * @description one line, at most 120 characters
             * @example Gunfire in Bishkek after nightfall
             */
            headline?: string;
            /** @description plain text or a safe markup subset (p, br, b, i, em, strong, a[https], lists, blockquote) */
            body: string;
            /** @example Rayhan Demytrie, BBC News, Bishkek */
            byline?: string;
            /** @example Iskander Asanaliev, Bishkek citizen */
            attribution?: string;
            /** @example Bishkek */
            location?: string;
            /** @example Reuters, quoting the interior ministry */
            sources?: string;
            /** @description when the development itself happened, if not when it was posted */
            occurredAt?: string;
            media?: components["schemas"]["MediaDto"];
            /** @description made by the server when omitted */
            submissionId?: string;
        };
        SubmissionsListResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            /** @description the story revision the list was read at */
            revision: number;
            /** @description in the order filed: {submissionId, kind, body, …, contributor, submittedAt, status, decision} */
            submissions: {
                [key: string]: unknown;
            }[];
        };
        ApproveSubmissionDto: {
            /** @description made by the server when omitted */
            updateId?: string;
            /** @enum {string} */
            kind?: "report" | "breaking" | "quote" | "eyewitness" | "analysis" | "statement" | "background";
            /**
             * @description one line, at most 120 characters
             * @example Gunfire in Bishkek after nightfall
             */
            headline?: string;
            /** @description plain text or a safe markup subset (p, br, b, i, em, strong, a[https], lists, blockquote) */
            body?: string;
            /** @example Rayhan Demytrie, BBC News, Bishkek */
            byline?: string;
            /** @example Iskander Asanaliev, Bishkek citizen */
            attribution?: string;
            /** @example Bishkek */
            location?: string;
            /** @example Reuters, quoting the interior ministry */
            sources?: string;
            /** @description when the development itself happened, if not when it was posted */
            occurredAt?: string;
            media?: components["schemas"]["MediaDto"];
        };
        RejectSubmissionDto: {
            /** @example not confirmed by a second source */
            reason: string;
        };
        RecordedEventResponse: {
            /** Format: uuid */
            eventId: string;
            /** @enum {string} */
            type: "LiveBlogOpened" | "HeadlineChanged" | "SummaryRevised" | "UpdatePosted" | "UpdateCorrected" | "UpdateRetracted" | "UpdateRedacted" | "UpdatePinned" | "UpdateUnpinned" | "KeyEventMarked" | "KeyEventUnmarked" | "CasualtyFiguresRevised" | "TimelineEntryAdded" | "LocationStatusUpdated" | "LiveBlogClosed" | "UpdateScheduled" | "ScheduledUpdateChanged" | "ScheduledUpdateCancelled" | "SubmissionReceived" | "SubmissionRejected";
            /** @description the event's data (DESIGN §3) */
            data: {
                [key: string]: unknown;
            };
            /** @description `at`, `author`, `correlationId`, `causationId?`, `schemaVersion`, `salts?`, `redacted?`, `contentHash`, `prevHash`, `hash` (DESIGN §3) */
            metadata: {
                [key: string]: unknown;
            };
            /** @example liveblog-kyrgyzstan-2010-04-08 */
            stream: string;
            revision: number;
            position: number;
            /** @description the event's place in the store's feed (opaque) */
            checkpoint: string;
            /**
             * Format: date-time
             * @description when the store committed it
             * @example 2010-04-08T17:37:00Z
             */
            recordedAt: string;
        };
        EventsPageResponse: {
            /** @description oldest first */
            events: components["schemas"]["RecordedEventResponse"][];
            /** @description pass as `fromRevision`; null at the head */
            nextFromRevision: number | null;
        };
        AuthorResponse: {
            /** @example rayhan-demytrie */
            id: string;
            /** @example Rayhan Demytrie */
            name: string;
            /**
             * @description `system` for the importer and scheduled work
             * @enum {string}
             */
            role: "editor" | "auditor" | "admin" | "system";
        };
        AuditedCorrectionResponse: {
            revision: number;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            author: components["schemas"]["AuthorResponse"];
            reason: string;
            /** @description the body it replaced */
            previousBody: string;
            /** @description the body it put in place */
            body: string;
        };
        AuditedRetractionResponse: {
            revision: number;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            author: components["schemas"]["AuthorResponse"];
            reason: string;
        };
        AuditedRedactionResponse: {
            /** @description the redaction event */
            revision: number;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            author: components["schemas"]["AuthorResponse"];
            fields: ("body" | "byline" | "attribution" | "location" | "sources" | "media.caption" | "media.credit")[];
            /** @example Court order 2010/117 */
            reference: string;
            reason: string;
        };
        UpdateOriginResponse: {
            /** @enum {string} */
            kind: "scheduled" | "submission";
            /** @description kind scheduled: the editor who scheduled it */
            scheduledBy?: components["schemas"]["AuthorResponse"];
            /** @description kind scheduled: when it was due */
            publishAt?: string;
            /** @description kind submission: the submission it was approved from */
            submissionId?: string;
            /** @description kind submission: who filed it */
            contributor?: components["schemas"]["AuthorResponse"];
        };
        AuditedUpdateResponse: {
            /** @example us-envoy-meets-otunbayeva */
            updateId: string;
            /** @description the revision that posted it */
            revision: number;
            /** @enum {string} */
            kind: "report" | "breaking" | "quote" | "eyewitness" | "analysis" | "statement" | "background";
            /** @description the update's own line, plain text */
            headline: string | null;
            /** @description plain text or the safe markup subset */
            body: string;
            byline: string | null;
            attribution: string | null;
            location: string | null;
            sources: string | null;
            media: components["schemas"]["MediaResponse"] | null;
            /**
             * Format: date-time
             * @description when it was posted
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            /** Format: date-time */
            occurredAt: string | null;
            /** @description the last correction */
            corrected: components["schemas"]["CorrectionNoteResponse"] | null;
            author: components["schemas"]["AuthorResponse"];
            corrections: components["schemas"]["AuditedCorrectionResponse"][];
            retracted: components["schemas"]["AuditedRetractionResponse"] | null;
            redactions: components["schemas"]["AuditedRedactionResponse"][];
            /** @description who scheduled it, or which contributor filed it (DESIGN §3b) */
            origin: components["schemas"]["UpdateOriginResponse"] | null;
        };
        AuditorViewResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            id: string;
            /** @example Kyrgyzstan President Bakiyev refuses to resign */
            title: string;
            summary: string | null;
            /** @enum {string} */
            status: "live" | "closed";
            /** @example en */
            language: string;
            /**
             * @description IANA time zone
             * @example Europe/London
             */
            timeZone: string;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description the latest event's `at`
             * @example 2010-04-08T17:37:00Z
             */
            lastUpdatedAt: string;
            /** Format: date-time */
            closedAt: string | null;
            /** @description the last event folded; also the ETag */
            revision: number;
            casualties: components["schemas"]["CasualtiesResponse"] | null;
            /** @description the pinned updates (key points) */
            pinned: string[];
            /** @description in the order the updates were posted */
            keyEvents: components["schemas"]["KeyEventResponse"][];
            /** @description every update posted by then, newest first, a page */
            updates: components["schemas"]["AuditedUpdateResponse"][];
            /** @description pass as `beforeRevision` to /updates for the next, older page; null after the last */
            nextBeforeRevision: number | null;
            /** @description in story order */
            timeline: components["schemas"]["TimelineEntryResponse"][];
            locations: components["schemas"]["LocationResponse"][];
        };
        RevisionPointResponse: {
            revision: number;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
        };
        LiveBlogChangeResponse: {
            /** @enum {string} */
            kind: "opened" | "headline" | "summary" | "update-added" | "update-corrected" | "update-retracted" | "update-redacted" | "pinned" | "unpinned" | "key-event-marked" | "key-event-unmarked" | "figures" | "timeline-entry" | "location" | "closed" | "unrecognised";
            revision: number;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            author: components["schemas"]["AuthorResponse"];
            /** @description the update it concerns */
            updateId?: string;
            /** @description the value it replaced (text, figures or a place status), or null */
            before?: (string | null) | {
                [key: string]: unknown;
            };
            /** @description the value it put in place */
            after?: string | {
                [key: string]: unknown;
            };
            reason?: string | null;
        };
        DiffResponse: {
            from: components["schemas"]["RevisionPointResponse"];
            to: components["schemas"]["RevisionPointResponse"];
            /** @description one per event after `from` up to `to`, in order */
            changes: components["schemas"]["LiveBlogChangeResponse"][];
        };
        FiguresRevisionResponse: {
            revision: number;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            at: string;
            author: components["schemas"]["AuthorResponse"];
            dead: components["schemas"]["FigureResponse"] | null;
            injured: components["schemas"]["FigureResponse"] | null;
            source: string;
            scope: string | null;
            note: string | null;
        };
        FiguresHistoryResponse: {
            id: string;
            /** @description oldest first */
            revisions: components["schemas"]["FiguresRevisionResponse"][];
        };
        RedactionFindingResponse: {
            /** @description the event whose fields were removed */
            revision: number;
            fields: string[];
            /** @description the UpdateRedacted event */
            redactedAt: number;
            by: components["schemas"]["AuthorResponse"];
            reference: string;
        };
        IntegrityResponse: {
            ok: boolean;
            /** @description stored events read */
            checked: number;
            firstBrokenRevision?: number;
            /** @enum {string} */
            problem?: "missing" | "content" | "link" | "redaction";
            /** @description lawful redactions the chain proves */
            redactions?: components["schemas"]["RedactionFindingResponse"][];
        };
        PublishedKeyResponse: {
            /** @enum {string} */
            kty: "OKP";
            /** @enum {string} */
            crv: "Ed25519";
            /** @description the public key, base64url */
            x: string;
            /** @description its RFC 7638 thumbprint: the `keyId` of what it signs */
            kid: string;
            /** @enum {string} */
            use: "sig";
            /** @enum {string} */
            alg: "EdDSA";
            /**
             * @description retired keys stay listed: what they signed verifies
             * @enum {string}
             */
            status: "current" | "retired";
        };
        KeySetResponse: {
            keys: components["schemas"]["PublishedKeyResponse"][];
        };
        CheckpointDto: {
            /**
             * @example dateline-checkpoint/1
             * @enum {string}
             */
            format: "dateline-checkpoint/1";
            keyId: string;
            signature: string;
            storeEpoch: string;
            liveBlogId: string;
            revision: number;
            /** @description sha256, lower-case hex */
            hash: string;
            at: string;
        };
        VerificationResponse: {
            /** @description true only for `extends` */
            ok: boolean;
            /** @enum {string} */
            verdict: "extends" | "truncated" | "rewritten" | "altered" | "signature_invalid" | "unknown_key" | "other_store" | "other_story";
            /** @description the revision the checkpoint signed */
            checkpointRevision: number;
            /** @description where the finding is */
            revision?: number;
            /** @enum {string} */
            problem?: "missing" | "content" | "link" | "redaction";
            /** @description stored events read */
            checked: number;
            /** @description the last revision the store holds now */
            head?: number;
            redactions?: components["schemas"]["RedactionFindingResponse"][];
            /** @example history extends the checkpoint: the same hash at revision 39 */
            message: string;
        };
        ArticleViewResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            id: string;
            /** @example Kyrgyzstan President Bakiyev refuses to resign */
            title: string;
            summary: string | null;
            /** @enum {string} */
            status: "live" | "closed";
            /** @example en */
            language: string;
            /**
             * @description IANA time zone
             * @example Europe/London
             */
            timeZone: string;
            /**
             * Format: date-time
             * @example 2010-04-08T17:37:00Z
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description the latest event's `at`
             * @example 2010-04-08T17:37:00Z
             */
            lastUpdatedAt: string;
            /** Format: date-time */
            closedAt: string | null;
            /** @description the last event folded; also the ETag */
            revision: number;
            casualties: components["schemas"]["CasualtiesResponse"] | null;
            /** @description the pinned updates (key points) */
            pinned: string[];
            /** @description in the order the updates were posted */
            keyEvents: components["schemas"]["KeyEventResponse"][];
            /** @description newest first, the first page */
            updates: components["schemas"]["PublicUpdateResponse"][];
            /** @description pass as `beforeRevision` to /updates for the next, older page; null after the last */
            nextBeforeRevision: number | null;
            /** @description in story order */
            timeline: components["schemas"]["TimelineEntryResponse"][];
            locations: components["schemas"]["LocationResponse"][];
        };
        SealDigestsResponse: {
            /** @description sha256 hex of the header */
            header: string;
            checkpoint: string;
            keys: string;
            page: string;
            /** @description one per event */
            events: string[];
        };
        SealResponse: {
            keyId: string;
            digests: components["schemas"]["SealDigestsResponse"];
            /** @description Ed25519 over the digests, base64url */
            signature: string;
        };
        EvidenceBundleResponse: {
            /** @enum {string} */
            format: "dateline-evidence/1";
            liveBlogId: string;
            revision: number;
            storeEpoch: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["AuthorResponse"];
            checkpoint: components["schemas"]["SignedCheckpointResponse"];
            keys: components["schemas"]["KeySetResponse"];
            /** @description the stored events 0…revision: the chain */
            events: components["schemas"]["RecordedEventResponse"][];
            /** @description the readers' article as it stood at the revision */
            page: components["schemas"]["ArticleViewResponse"];
            seal: components["schemas"]["SealResponse"];
        };
        FeedAuthorResponse: {
            /** @example Dateline */
            name: string;
        };
        FeedItemResponse: {
            /**
             * @description never changes
             * @example urn:uuid:34877b96-e96f-533c-91cf-526b8e935d27
             */
            id: string;
            /**
             * Format: uri
             * @description the update's permalink
             */
            url: string;
            /** @description the body through the safe markup subset */
            content_html: string;
            /** Format: date-time */
            date_published: string;
            /**
             * Format: date-time
             * @description the last correction or redaction, when there is one
             */
            date_modified?: string;
            /** @description the byline */
            authors?: components["schemas"]["FeedAuthorResponse"][];
            /** @description the update's kind */
            tags: string[];
        };
        JsonFeedResponse: {
            /** @enum {string} */
            version: "https://jsonfeed.org/version/1.1";
            title: string;
            /**
             * Format: uri
             * @description the story's reader page
             */
            home_page_url: string;
            /** Format: uri */
            feed_url: string;
            /** @description the story's summary */
            description?: string;
            /** @example en */
            language: string;
            authors: components["schemas"]["FeedAuthorResponse"][];
            /**
             * @description present once the story is closed
             * @enum {boolean}
             */
            expired?: true;
            /** @description the newest 50 public updates, newest first */
            items: components["schemas"]["FeedItemResponse"][];
        };
        OEmbedResponse: {
            /** @enum {string} */
            version: "1.0";
            /** @enum {string} */
            type: "rich";
            /** @description an iframe of /embed/:id */
            html: string;
            width: number;
            height: number;
            title: string;
            /** @enum {string} */
            provider_name: "Dateline";
            /** Format: uri */
            provider_url: string;
            /** @enum {integer} */
            cache_age: 300;
        };
        ActivityAuthorResponse: {
            /** @example rayhan-demytrie */
            id: string;
            /** @example Rayhan Demytrie */
            name: string;
        };
        ActivityItemResponse: {
            revision: number;
            /** @example UpdatePosted */
            type: string;
            /** Format: date-time */
            at: string;
            author: components["schemas"]["ActivityAuthorResponse"];
        };
        ActivityResponse: {
            liveBlogId: string;
            afterRevision: number;
            events: components["schemas"]["ActivityItemResponse"][];
        };
        RegisterWebhookDto: {
            /**
             * @description http(s); a public host
             * @example https://partner.example/hooks/dateline
             */
            url: string;
            /**
             * @description types (figures.revised, location.status_updated, story.closed, story.headline_changed, story.opened, story.summary_revised, timeline.entry_added, update.corrected, update.pinned, update.posted, update.redacted, update.retracted, update.unpinned), families (update.*) or *
             * @example [
             *       "update.*",
             *       "figures.revised"
             *     ]
             */
            events: string[];
            /**
             * @description only these stories (all when left out)
             * @example [
             *       "kyrgyzstan-2010-04-08"
             *     ]
             */
            liveBlogIds?: string[];
        };
        RegisteredWebhookResponse: {
            /** Format: uuid */
            id: string;
            /** @example https://partner.example/hooks/dateline */
            url: string;
            /**
             * @example [
             *       "update.*",
             *       "figures.revised"
             *     ]
             */
            events: string[];
            /** @description only these stories; null for every story */
            liveBlogIds: string[] | null;
            /** @enum {string} */
            status: "active" | "failing" | "disabled";
            /** @description why it is failing or disabled */
            statusReason?: string;
            /** Format: date-time */
            registeredAt: string;
            /** @description `whsec_` + base64 of 32 random bytes: the Standard Webhooks signing secret */
            secret: string;
        };
        WebhookSummaryResponse: {
            /** Format: uuid */
            id: string;
            /** @example https://partner.example/hooks/dateline */
            url: string;
            /**
             * @example [
             *       "update.*",
             *       "figures.revised"
             *     ]
             */
            events: string[];
            /** @description only these stories; null for every story */
            liveBlogIds: string[] | null;
            /** @enum {string} */
            status: "active" | "failing" | "disabled";
            /** @description why it is failing or disabled */
            statusReason?: string;
            /** Format: date-time */
            registeredAt: string;
        };
        DeliveryAttemptResponse: {
            /** @description the `webhook-id` header: the same for every attempt of one message */
            messageId: string;
            /** @example update.posted */
            type: string;
            liveBlogId: string;
            revision: number;
            attempt: number;
            /** Format: date-time */
            attemptedAt: string;
            durationMs: number;
            /** @description the HTTP status; null when no answer came */
            status: number | null;
            /** @enum {string} */
            outcome: "delivered" | "failed" | "gone";
            error?: string;
            /** @description at most the first 256 bytes of the answer */
            response?: string;
        };
        RotatedSecretResponse: {
            /** Format: uuid */
            id: string;
            /** @description signs from now on */
            secret: string;
            /**
             * Format: date-time
             * @description the old secret signs beside it until then (24 h)
             */
            previousValidUntil: string;
        };
        AskQuestionDto: {
            /**
             * @description the name to print beside the answer; 1–60
             * @example Aigul
             */
            name: string;
            /**
             * @description 1–500 characters
             * @example Are the roads to Osh open?
             */
            text: string;
        };
        QuestionTakenResponse: {
            /** @description the question, for the desk */
            questionId: string;
        };
        QuestionListResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            /** @description the revision of the story's questions */
            revision: number;
            /** @description {questionId, name, text, askedAt, status, …} */
            questions: {
                [key: string]: unknown;
            }[];
        };
        AnswerQuestionDto: {
            /** @description the answer, in the safe markup subset of update bodies */
            body: string;
            /** @description the update's own headline, one line */
            headline?: string;
            byline?: string;
        };
        QuestionOutcomeResponse: {
            /** @description the question it concerns */
            questionId: string;
        };
        VapidPublicKeyResponse: {
            publicKey: string;
        };
        PushKeysDto: {
            /** @description base64url, an uncompressed P-256 point (65 bytes) */
            p256dh: string;
            /** @description base64url, 16 bytes */
            auth: string;
        };
        PushSubscriptionDto: {
            /** @example https://updates.push.services.mozilla.com/wpush/v2/gAAAAA… */
            endpoint: string;
            /** @description ignored: push services say when a subscription ends */
            expirationTime?: number | null;
            keys: components["schemas"]["PushKeysDto"];
        };
        PushSubscribedResponse: {
            /** @example kyrgyzstan-2010-04-08 */
            liveBlogId: string;
            /** @description the push service's endpoint: DELETE names the subscription by it */
            endpoint: string;
        };
        PushUnsubscriptionDto: {
            endpoint: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSummaryResponse"][];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    addAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSummaryResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    disableAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSummaryResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    enableAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSummaryResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountSummaryResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listLiveBlogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveBlogListItemResponse"][];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    openLiveBlog: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenLiveBlogDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the article */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getUpdates: {
        parameters: {
            query?: {
                beforeRevision?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatesPageResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    postUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostUpdateDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getChanges: {
        parameters: {
            query?: {
                /** @description the revision the client holds; events after it are returned */
                afterRevision?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ETag is the page's revision; If-None-Match answers 304 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangesPageResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    correctUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectUpdateDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    retractUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractUpdateDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    pinUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatedDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    unpinUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatedDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    markKeyEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatedDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    unmarkKeyEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatedDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeHeadline: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeHeadlineDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reviseSummary: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviseSummaryDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reviseCasualtyFigures: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CasualtyFiguresDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    addTimelineEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimelineEntryDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateLocationStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                place: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LocationStatusDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    closeLiveBlog: {
        parameters: {
            query?: never;
            header?: {
                /** @description a retried request answers the original result */
                "Idempotency-Key"?: string;
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseLiveBlogDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    redactUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedactUpdateDto"];
            };
        };
        responses: {
            /** @description redacted; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description this store or format cannot do it */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listScheduledUpdates: {
        parameters: {
            query?: never;
            header?: {
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledListResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    cancelScheduledUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelScheduledUpdateDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeScheduledUpdate: {
        parameters: {
            query?: never;
            header?: {
                /** @description the revision you read; a stale one answers 412 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                updateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeScheduledUpdateDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listSubmissions: {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "rejected" | "all";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionsListResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    submitUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitUpdateDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    approveSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                submissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveSubmissionDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rejectSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                submissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectSubmissionDto"];
            };
        };
        responses: {
            /** @description written; ETag is the new revision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteResultResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the Idempotency-Key already answered another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEvents: {
        parameters: {
            query?: {
                fromRevision?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsPageResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAsOf: {
        parameters: {
            query?: {
                /** @description the revision to stop at; give this or `at`, or neither for the head */
                revision?: number;
                /** @description the instant: the state after the last event dated at or before it */
                at?: string;
                /** @description the record's updates posted before this revision (the previous page's cursor) */
                beforeRevision?: number;
                /** @description updates per page */
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditorViewResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getDiff: {
        parameters: {
            query: {
                /** @description changes after this revision… */
                from: number;
                /** @description …up to and including this one */
                to: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiffResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getFiguresHistory: {
        parameters: {
            query?: {
                /** @description csv also with Accept: text/csv */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON, or CSV (one row per revision) with ?format=csv or Accept: text/csv */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FiguresHistoryResponse"];
                    "text/csv": string;
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getIntegrity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntegrityResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCheckpointKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeySetResponse"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCheckpoint: {
        parameters: {
            query?: {
                /** @description the checkpoint stored at or before this instant (else the newest) */
                at?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedCheckpointResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    verifyCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckpointDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getEvidenceBundle: {
        parameters: {
            query?: {
                /** @description the last revision the bundle holds (default: the head) */
                revision?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 8785 canonical JSON, as an attachment; 409 when the chain does not verify */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceBundleResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAtomFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Atom 1.0; ETag per revision, If-None-Match answers 304 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getJsonFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Feed 1.1; ETag per revision, If-None-Match answers 304 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/feed+json": components["schemas"]["JsonFeedResponse"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getAsOfFragment: {
        parameters: {
            query?: {
                /** @description the revision to stop at; give this or `at`, or neither for the head */
                revision?: number;
                /** @description the instant: the state after the last event dated at or before it */
                at?: string;
                /** @description the record's updates posted before this revision (the previous page's cursor) */
                beforeRevision?: number;
                /** @description updates per page */
                limit?: number;
                view?: "reader" | "record";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the reader page's article partial as it stood */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getOEmbed: {
        parameters: {
            query: {
                /** @description a story (/live/:id) or update (/live/:id/updates/:updateId) address of this site */
                url: string;
                /** @description json; xml is answered 501 */
                format?: string;
                maxwidth?: number;
                maxheight?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OEmbedResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description this store or format cannot do it */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getActivity: {
        parameters: {
            query?: {
                /** @description the revision the client holds; events after it are returned */
                afterRevision?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSummaryResponse"][];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    registerWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterWebhookDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredWebhookResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSummaryResponse"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryAttemptResponse"][];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecretResponse"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resumeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSummaryResponse"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listQuestions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionListResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    askQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AskQuestionDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionTakenResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    answerQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                questionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerQuestionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionOutcomeResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description If-Match names an older revision: `currentRevision` and the ETag say which to read */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    dismissQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                questionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionOutcomeResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    purgeQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                questionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionOutcomeResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no credentials, or credentials that are no good */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description these credentials may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description this store or format cannot do it */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVapidPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VapidPublicKeyResponse"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    subscribeToPush: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushSubscriptionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PushSubscribedResponse"];
                };
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description the request contradicts the story (closed, already done) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description a budget is spent: Retry-After says when to come back */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    unsubscribeFromPush: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PushUnsubscriptionDto"];
            };
        };
        responses: {
            /** @description no longer followed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description the request is malformed: `errors` names every field at fault */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description no such live blog (or update) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
