export namespace app {
	
	export class AutoBackup {
	    state: string;
	    date: string;
	    path: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new AutoBackup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.date = source["date"];
	        this.path = source["path"];
	        this.message = source["message"];
	    }
	}
	export class DetailBlock {
	    kind: string;
	    label: string;
	    text: string;
	    outcomes: portfolio.Outcome[];
	
	    static createFrom(source: any = {}) {
	        return new DetailBlock(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.text = source["text"];
	        this.outcomes = this.convertValues(source["outcomes"], portfolio.Outcome);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ExportRequest {
	    preset: string;
	    paper: string;
	    entryIds: string[];
	    highlights: string[];
	    leaveOutOver: number;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preset = source["preset"];
	        this.paper = source["paper"];
	        this.entryIds = source["entryIds"];
	        this.highlights = source["highlights"];
	        this.leaveOutOver = source["leaveOutOver"];
	    }
	}
	export class Impact {
	    title: string;
	    figures: present.Figure[];
	
	    static createFrom(source: any = {}) {
	        return new Impact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.figures = this.convertValues(source["figures"], present.Figure);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RestoreCandidate {
	    path: string;
	    token: string;
	    backup: backup.Summary;
	    currentEntries: number;
	    samePortfolio: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RestoreCandidate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.token = source["token"];
	        this.backup = this.convertValues(source["backup"], backup.Summary);
	        this.currentEntries = source["currentEntries"];
	        this.samePortfolio = source["samePortfolio"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewedAlignment {
	    framework: string;
	    code: string;
	    competency: string;
	    strength: string;
	    rationale: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewedAlignment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = source["framework"];
	        this.code = source["code"];
	        this.competency = source["competency"];
	        this.strength = source["strength"];
	        this.rationale = source["rationale"];
	    }
	}
	export class ReviewedArtifact {
	    type: string;
	    role: string;
	    name: string;
	    detail: string;
	    caption: string;
	    sha256: string;
	    url: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ReviewedArtifact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.role = source["role"];
	        this.name = source["name"];
	        this.detail = source["detail"];
	        this.caption = source["caption"];
	        this.sha256 = source["sha256"];
	        this.url = source["url"];
	        this.path = source["path"];
	    }
	}
	export class ReviewedEntry {
	    id: string;
	    kind: string;
	    kindLabel: string;
	    title: string;
	    meta: string[];
	    details: DetailBlock[];
	    reflection: portfolio.ReflectionAnswer[];
	    alignments: ReviewedAlignment[];
	    artifacts: ReviewedArtifact[];
	
	    static createFrom(source: any = {}) {
	        return new ReviewedEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.kindLabel = source["kindLabel"];
	        this.title = source["title"];
	        this.meta = source["meta"];
	        this.details = this.convertValues(source["details"], DetailBlock);
	        this.reflection = this.convertValues(source["reflection"], portfolio.ReflectionAnswer);
	        this.alignments = this.convertValues(source["alignments"], ReviewedAlignment);
	        this.artifacts = this.convertValues(source["artifacts"], ReviewedArtifact);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewedPortfolio {
	    portfolioId: string;
	    // Go type: time
	    generatedAt: any;
	    generator: string;
	    name: string;
	    profile: DetailBlock[];
	    bio: string;
	    pdfPath: string;
	    entries: ReviewedEntry[];
	
	    static createFrom(source: any = {}) {
	        return new ReviewedPortfolio(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.portfolioId = source["portfolioId"];
	        this.generatedAt = this.convertValues(source["generatedAt"], null);
	        this.generator = source["generator"];
	        this.name = source["name"];
	        this.profile = this.convertValues(source["profile"], DetailBlock);
	        this.bio = source["bio"];
	        this.pdfPath = source["pdfPath"];
	        this.entries = this.convertValues(source["entries"], ReviewedEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RubricInfo {
	    rubric: portfolio.Rubric;
	    custom: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RubricInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rubric = this.convertValues(source["rubric"], portfolio.Rubric);
	        this.custom = source["custom"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StartupStatus {
	    ready: boolean;
	    dataDir: string;
	    problem: string;
	    problemKind: string;
	    profileComplete: boolean;
	    version: string;
	
	    static createFrom(source: any = {}) {
	        return new StartupStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ready = source["ready"];
	        this.dataDir = source["dataDir"];
	        this.problem = source["problem"];
	        this.problemKind = source["problemKind"];
	        this.profileComplete = source["profileComplete"];
	        this.version = source["version"];
	    }
	}
	export class VerifiedFile {
	    path: string;
	    kind: string;
	    verification: signing.Verification;
	    package?: submission.Verification;
	    reviewToken: string;
	
	    static createFrom(source: any = {}) {
	        return new VerifiedFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.verification = this.convertValues(source["verification"], signing.Verification);
	        this.package = this.convertValues(source["package"], submission.Verification);
	        this.reviewToken = source["reviewToken"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace backup {
	
	export class Listed {
	    name: string;
	    path: string;
	    kind: string;
	    date: string;
	    time: string;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Listed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.time = source["time"];
	        this.bytes = source["bytes"];
	    }
	}
	export class Report {
	    path: string;
	    bytes: number;
	    entries: number;
	    artifacts: number;
	    identity: boolean;
	    schemaVersion: number;
	    portfolioId: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	        this.entries = source["entries"];
	        this.artifacts = source["artifacts"];
	        this.identity = source["identity"];
	        this.schemaVersion = source["schemaVersion"];
	        this.portfolioId = source["portfolioId"];
	    }
	}
	export class Summary {
	    formatVersion: number;
	    schemaVersion: number;
	    madeBy: string;
	    made: string;
	    portfolioId: string;
	    entries: number;
	    artifacts: number;
	    identity: boolean;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.formatVersion = source["formatVersion"];
	        this.schemaVersion = source["schemaVersion"];
	        this.madeBy = source["madeBy"];
	        this.made = source["made"];
	        this.portfolioId = source["portfolioId"];
	        this.entries = source["entries"];
	        this.artifacts = source["artifacts"];
	        this.identity = source["identity"];
	        this.bytes = source["bytes"];
	    }
	}
	export class RestoreReport {
	    dir: string;
	    backup: Summary;
	    previous?: string;
	    previousAsFiles?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RestoreReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.backup = this.convertValues(source["backup"], Summary);
	        this.previous = source["previous"];
	        this.previousAsFiles = source["previousAsFiles"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace bag {
	
	export class Problem {
	    File: string;
	    Message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.File = source["File"];
	        this.Message = source["Message"];
	    }
	}

}

export namespace frameworks {
	
	export class CASEReport {
	    items: number;
	    associations: number;
	    used: number;
	    ignoredExternal: number;
	    ignoredOtherType: number;
	    ignoredExtraParents: number;
	
	    static createFrom(source: any = {}) {
	        return new CASEReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = source["items"];
	        this.associations = source["associations"];
	        this.used = source["used"];
	        this.ignoredExternal = source["ignoredExternal"];
	        this.ignoredOtherType = source["ignoredOtherType"];
	        this.ignoredExtraParents = source["ignoredExtraParents"];
	    }
	}

}

export namespace identity {
	
	export class Info {
	    subject: string;
	    issuer: string;
	    commonName: string;
	    email: string;
	    serialNumber: string;
	    // Go type: time
	    notBefore: any;
	    // Go type: time
	    notAfter: any;
	    fingerprintSha256: string;
	    fingerprintHex: string;
	    keyType: string;
	    selfSigned: boolean;
	    imported: boolean;
	    chainLength: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.issuer = source["issuer"];
	        this.commonName = source["commonName"];
	        this.email = source["email"];
	        this.serialNumber = source["serialNumber"];
	        this.notBefore = this.convertValues(source["notBefore"], null);
	        this.notAfter = this.convertValues(source["notAfter"], null);
	        this.fingerprintSha256 = source["fingerprintSha256"];
	        this.fingerprintHex = source["fingerprintHex"];
	        this.keyType = source["keyType"];
	        this.selfSigned = source["selfSigned"];
	        this.imported = source["imported"];
	        this.chainLength = source["chainLength"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace openbadges {
	
	export class Evidence {
	    id?: string;
	    name?: string;
	    narrative?: string;
	
	    static createFrom(source: any = {}) {
	        return new Evidence(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.narrative = source["narrative"];
	    }
	}
	export class Recipient {
	    type: string;
	    identity: string;
	    hashed: boolean;
	    salt?: string;
	
	    static createFrom(source: any = {}) {
	        return new Recipient(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.identity = source["identity"];
	        this.hashed = source["hashed"];
	        this.salt = source["salt"];
	    }
	}
	export class Badge {
	    format: string;
	    version: string;
	    achievement?: string;
	    achievementId?: string;
	    description?: string;
	    criteria?: string;
	    criteriaUrl?: string;
	    image?: string;
	    issuer?: string;
	    issuerId?: string;
	    issuerUrl?: string;
	    issuerEmail?: string;
	    recipients?: Recipient[];
	    // Go type: time
	    issuedOn: any;
	    // Go type: time
	    expiresOn: any;
	    credentialId?: string;
	    verificationUrl?: string;
	    evidence?: Evidence[];
	    verification?: string;
	    signed: boolean;
	    signatureType?: string;
	    signedBy?: string;
	    statusUrl?: string;
	    revoked?: boolean;
	    revocationReason?: string;
	    raw: number[];
	    token?: string;
	
	    static createFrom(source: any = {}) {
	        return new Badge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.version = source["version"];
	        this.achievement = source["achievement"];
	        this.achievementId = source["achievementId"];
	        this.description = source["description"];
	        this.criteria = source["criteria"];
	        this.criteriaUrl = source["criteriaUrl"];
	        this.image = source["image"];
	        this.issuer = source["issuer"];
	        this.issuerId = source["issuerId"];
	        this.issuerUrl = source["issuerUrl"];
	        this.issuerEmail = source["issuerEmail"];
	        this.recipients = this.convertValues(source["recipients"], Recipient);
	        this.issuedOn = this.convertValues(source["issuedOn"], null);
	        this.expiresOn = this.convertValues(source["expiresOn"], null);
	        this.credentialId = source["credentialId"];
	        this.verificationUrl = source["verificationUrl"];
	        this.evidence = this.convertValues(source["evidence"], Evidence);
	        this.verification = source["verification"];
	        this.signed = source["signed"];
	        this.signatureType = source["signatureType"];
	        this.signedBy = source["signedBy"];
	        this.statusUrl = source["statusUrl"];
	        this.revoked = source["revoked"];
	        this.revocationReason = source["revocationReason"];
	        this.raw = source["raw"];
	        this.token = source["token"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Finding {
	    check: string;
	    status: string;
	    detail: string;
	
	    static createFrom(source: any = {}) {
	        return new Finding(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.check = source["check"];
	        this.status = source["status"];
	        this.detail = source["detail"];
	    }
	}

}

export namespace pdfrender {
	
	export class Report {
	    pages: number;
	    images: number;
	    placeholders: number;
	    attachments: number;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pages = source["pages"];
	        this.images = source["images"];
	        this.placeholders = source["placeholders"];
	        this.attachments = source["attachments"];
	        this.warnings = source["warnings"];
	    }
	}

}

export namespace portfolio {
	
	export class Alignment {
	    id: string;
	    entryId: string;
	    competencyId: string;
	    frameworkId: string;
	    rationale: string;
	    strength: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Alignment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.entryId = source["entryId"];
	        this.competencyId = source["competencyId"];
	        this.frameworkId = source["frameworkId"];
	        this.rationale = source["rationale"];
	        this.strength = source["strength"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Artifact {
	    id: string;
	    entryId: string;
	    type: string;
	    role: string;
	    position: number;
	    caption: string;
	    fileName?: string;
	    mediaType?: string;
	    size?: number;
	    sha256?: string;
	    url?: string;
	    linkTitle?: string;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Artifact(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.entryId = source["entryId"];
	        this.type = source["type"];
	        this.role = source["role"];
	        this.position = source["position"];
	        this.caption = source["caption"];
	        this.fileName = source["fileName"];
	        this.mediaType = source["mediaType"];
	        this.size = source["size"];
	        this.sha256 = source["sha256"];
	        this.url = source["url"];
	        this.linkTitle = source["linkTitle"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ArtifactDetails {
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new ArtifactDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.description = source["description"];
	    }
	}
	export class Competency {
	    id: string;
	    frameworkId: string;
	    parentId: string;
	    code: string;
	    title: string;
	    description: string;
	    level?: string;
	    position: number;
	    depth: number;
	    leaf: boolean;
	    caseId?: string;
	    caseUri?: string;
	    // Go type: time
	    retiredAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new Competency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.frameworkId = source["frameworkId"];
	        this.parentId = source["parentId"];
	        this.code = source["code"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.level = source["level"];
	        this.position = source["position"];
	        this.depth = source["depth"];
	        this.leaf = source["leaf"];
	        this.caseId = source["caseId"];
	        this.caseUri = source["caseUri"];
	        this.retiredAt = this.convertValues(source["retiredAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CoverageEntry {
	    entryId: string;
	    title: string;
	    kind: string;
	    strength: string;
	    rationale: string;
	
	    static createFrom(source: any = {}) {
	        return new CoverageEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entryId = source["entryId"];
	        this.title = source["title"];
	        this.kind = source["kind"];
	        this.strength = source["strength"];
	        this.rationale = source["rationale"];
	    }
	}
	export class CoverageRow {
	    competency: Competency;
	    status: string;
	    evidence: CoverageEntry[];
	    strongest: string;
	
	    static createFrom(source: any = {}) {
	        return new CoverageRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.competency = this.convertValues(source["competency"], Competency);
	        this.status = source["status"];
	        this.evidence = this.convertValues(source["evidence"], CoverageEntry);
	        this.strongest = source["strongest"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Framework {
	    id: string;
	    title: string;
	    publisher: string;
	    version: string;
	    sourceUrl: string;
	    licence: string;
	    description: string;
	    origin: string;
	    scale: string;
	    caseId?: string;
	    caseUri?: string;
	    competencies: Competency[];
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    retired: number;
	    leafCount: number;
	    contentDigest: string;
	
	    static createFrom(source: any = {}) {
	        return new Framework(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.publisher = source["publisher"];
	        this.version = source["version"];
	        this.sourceUrl = source["sourceUrl"];
	        this.licence = source["licence"];
	        this.description = source["description"];
	        this.origin = source["origin"];
	        this.scale = source["scale"];
	        this.caseId = source["caseId"];
	        this.caseUri = source["caseUri"];
	        this.competencies = this.convertValues(source["competencies"], Competency);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.retired = source["retired"];
	        this.leafCount = source["leafCount"];
	        this.contentDigest = source["contentDigest"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Coverage {
	    framework: Framework;
	    rows: CoverageRow[];
	    leafCount: number;
	    withEvidence: number;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new Coverage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = this.convertValues(source["framework"], Framework);
	        this.rows = this.convertValues(source["rows"], CoverageRow);
	        this.leafCount = source["leafCount"];
	        this.withEvidence = source["withEvidence"];
	        this.summary = source["summary"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Credential {
	    id: string;
	    kind: string;
	    name: string;
	    issuer: string;
	    issuedOn: string;
	    expiresOn: string;
	    credentialId: string;
	    verificationUrl: string;
	    fileName?: string;
	    mediaType?: string;
	    size?: number;
	    sha256?: string;
	    badgeFormat?: string;
	    position: number;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Credential(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.issuer = source["issuer"];
	        this.issuedOn = source["issuedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.credentialId = source["credentialId"];
	        this.verificationUrl = source["verificationUrl"];
	        this.fileName = source["fileName"];
	        this.mediaType = source["mediaType"];
	        this.size = source["size"];
	        this.sha256 = source["sha256"];
	        this.badgeFormat = source["badgeFormat"];
	        this.position = source["position"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CriterionScore {
	    criterion: string;
	    score: number;
	    notes: string;
	    answers: {[key: string]: string};
	
	    static createFrom(source: any = {}) {
	        return new CriterionScore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.criterion = source["criterion"];
	        this.score = source["score"];
	        this.notes = source["notes"];
	        this.answers = source["answers"];
	    }
	}
	export class PolicyGuidanceDetails {
	    body: string;
	    bodyLevel: string;
	    role: string;
	    stage: string;
	    summary: string;
	
	    static createFrom(source: any = {}) {
	        return new PolicyGuidanceDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.body = source["body"];
	        this.bodyLevel = source["bodyLevel"];
	        this.role = source["role"];
	        this.stage = source["stage"];
	        this.summary = source["summary"];
	    }
	}
	export class RubricField {
	    id: string;
	    label: string;
	    type: string;
	    help: string;
	
	    static createFrom(source: any = {}) {
	        return new RubricField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.type = source["type"];
	        this.help = source["help"];
	    }
	}
	export class RubricCriterion {
	    id: string;
	    label: string;
	    guidance: string;
	    fields: RubricField[];
	
	    static createFrom(source: any = {}) {
	        return new RubricCriterion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.label = source["label"];
	        this.guidance = source["guidance"];
	        this.fields = this.convertValues(source["fields"], RubricField);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RubricLevel {
	    score: number;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new RubricLevel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.score = source["score"];
	        this.label = source["label"];
	    }
	}
	export class Rubric {
	    id: string;
	    name: string;
	    edition: string;
	    publisher: string;
	    levels: RubricLevel[];
	    criteria: RubricCriterion[];
	
	    static createFrom(source: any = {}) {
	        return new Rubric(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.edition = source["edition"];
	        this.publisher = source["publisher"];
	        this.levels = this.convertValues(source["levels"], RubricLevel);
	        this.criteria = this.convertValues(source["criteria"], RubricCriterion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ToolEvaluationDetails {
	    tool: string;
	    vendor: string;
	    toolVersion: string;
	    intendedUse: string;
	    gradeBand: string;
	    rubric: Rubric;
	    scores: CriterionScore[];
	    recommendation: string;
	    rationale: string;
	
	    static createFrom(source: any = {}) {
	        return new ToolEvaluationDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tool = source["tool"];
	        this.vendor = source["vendor"];
	        this.toolVersion = source["toolVersion"];
	        this.intendedUse = source["intendedUse"];
	        this.gradeBand = source["gradeBand"];
	        this.rubric = this.convertValues(source["rubric"], Rubric);
	        this.scores = this.convertValues(source["scores"], CriterionScore);
	        this.recommendation = source["recommendation"];
	        this.rationale = source["rationale"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PDDetails {
	    format: string;
	    audience: string;
	    participants: number;
	    contactHours: number;
	    materials: string;
	    feedbackSummary: string;
	    feedbackRating: number;
	
	    static createFrom(source: any = {}) {
	        return new PDDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.audience = source["audience"];
	        this.participants = source["participants"];
	        this.contactHours = source["contactHours"];
	        this.materials = source["materials"];
	        this.feedbackSummary = source["feedbackSummary"];
	        this.feedbackRating = source["feedbackRating"];
	    }
	}
	export class RedesignDetails {
	    subject: string;
	    grade: string;
	    originalDescription: string;
	    redesignDescription: string;
	    aiRole: string;
	    integrityMeasures: string;
	    studentOutcomes: string;
	
	    static createFrom(source: any = {}) {
	        return new RedesignDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.grade = source["grade"];
	        this.originalDescription = source["originalDescription"];
	        this.redesignDescription = source["redesignDescription"];
	        this.aiRole = source["aiRole"];
	        this.integrityMeasures = source["integrityMeasures"];
	        this.studentOutcomes = source["studentOutcomes"];
	    }
	}
	export class PrivacyReview {
	    studentDataInvolved: boolean;
	    approvalObtained: boolean;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new PrivacyReview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.studentDataInvolved = source["studentDataInvolved"];
	        this.approvalObtained = source["approvalObtained"];
	        this.notes = source["notes"];
	    }
	}
	export class Outcome {
	    metric: string;
	    baseline: string;
	    result: string;
	
	    static createFrom(source: any = {}) {
	        return new Outcome(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.metric = source["metric"];
	        this.baseline = source["baseline"];
	        this.result = source["result"];
	    }
	}
	export class PilotDetails {
	    gradesSubjects: string;
	    aiTools: string[];
	    problemGoal: string;
	    whatWasDone: string;
	    studentsReached: number;
	    classesReached: number;
	    outcomes: Outcome[];
	    privacy: PrivacyReview;
	    pilotStatus: string;
	
	    static createFrom(source: any = {}) {
	        return new PilotDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.gradesSubjects = source["gradesSubjects"];
	        this.aiTools = source["aiTools"];
	        this.problemGoal = source["problemGoal"];
	        this.whatWasDone = source["whatWasDone"];
	        this.studentsReached = source["studentsReached"];
	        this.classesReached = source["classesReached"];
	        this.outcomes = this.convertValues(source["outcomes"], Outcome);
	        this.privacy = this.convertValues(source["privacy"], PrivacyReview);
	        this.pilotStatus = source["pilotStatus"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReflectionAnswer {
	    prompt: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new ReflectionAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.prompt = source["prompt"];
	        this.text = source["text"];
	    }
	}
	export class Entry {
	    id: string;
	    kind: string;
	    title: string;
	    status: string;
	    includeInExports: boolean;
	    position: number;
	    startDate: string;
	    endDate: string;
	    tags: string[];
	    reflection: ReflectionAnswer[];
	    pilot?: PilotDetails;
	    redesign?: RedesignDetails;
	    pd?: PDDetails;
	    other?: ArtifactDetails;
	    evaluation?: ToolEvaluationDetails;
	    guidance?: PolicyGuidanceDetails;
	    artifacts: Artifact[];
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    // Go type: time
	    deletedAt?: any;
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.status = source["status"];
	        this.includeInExports = source["includeInExports"];
	        this.position = source["position"];
	        this.startDate = source["startDate"];
	        this.endDate = source["endDate"];
	        this.tags = source["tags"];
	        this.reflection = this.convertValues(source["reflection"], ReflectionAnswer);
	        this.pilot = this.convertValues(source["pilot"], PilotDetails);
	        this.redesign = this.convertValues(source["redesign"], RedesignDetails);
	        this.pd = this.convertValues(source["pd"], PDDetails);
	        this.other = this.convertValues(source["other"], ArtifactDetails);
	        this.evaluation = this.convertValues(source["evaluation"], ToolEvaluationDetails);
	        this.guidance = this.convertValues(source["guidance"], PolicyGuidanceDetails);
	        this.artifacts = this.convertValues(source["artifacts"], Artifact);
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.deletedAt = this.convertValues(source["deletedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class EntryFilter {
	    kinds: string[];
	    status: string;
	    tag: string;
	    dateFrom: string;
	    dateTo: string;
	    sort: string;
	
	    static createFrom(source: any = {}) {
	        return new EntryFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kinds = source["kinds"];
	        this.status = source["status"];
	        this.tag = source["tag"];
	        this.dateFrom = source["dateFrom"];
	        this.dateTo = source["dateTo"];
	        this.sort = source["sort"];
	    }
	}
	
	export class KindInfo {
	    kind: string;
	    label: string;
	    description: string;
	    reflectionPrompts: string[];
	
	    static createFrom(source: any = {}) {
	        return new KindInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.description = source["description"];
	        this.reflectionPrompts = source["reflectionPrompts"];
	    }
	}
	
	
	
	
	
	export class Profile {
	    portfolioId: string;
	    name: string;
	    role: string;
	    school: string;
	    district: string;
	    email: string;
	    bio: string;
	    photoSha256: string;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Profile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.portfolioId = source["portfolioId"];
	        this.name = source["name"];
	        this.role = source["role"];
	        this.school = source["school"];
	        this.district = source["district"];
	        this.email = source["email"];
	        this.bio = source["bio"];
	        this.photoSha256 = source["photoSha256"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	
	export class SearchHit {
	    entry: Entry;
	    snippet: string;
	
	    static createFrom(source: any = {}) {
	        return new SearchHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.entry = this.convertValues(source["entry"], Entry);
	        this.snippet = source["snippet"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TagCount {
	    tag: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new TagCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tag = source["tag"];
	        this.count = source["count"];
	    }
	}

}

export namespace present {
	
	export class Figure {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Figure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}

}

export namespace signing {
	
	export class SignatureReport {
	    signer: string;
	    email: string;
	    issuer: string;
	    fingerprintSha256: string;
	    // Go type: time
	    signingTime: any;
	    subFilter: string;
	    coversWholeFile: boolean;
	    digestValid: boolean;
	    signatureValid: boolean;
	    selfSigned: boolean;
	    trusted?: boolean;
	    covered: string;
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new SignatureReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.signer = source["signer"];
	        this.email = source["email"];
	        this.issuer = source["issuer"];
	        this.fingerprintSha256 = source["fingerprintSha256"];
	        this.signingTime = this.convertValues(source["signingTime"], null);
	        this.subFilter = source["subFilter"];
	        this.coversWholeFile = source["coversWholeFile"];
	        this.digestValid = source["digestValid"];
	        this.signatureValid = source["signatureValid"];
	        this.selfSigned = source["selfSigned"];
	        this.trusted = source["trusted"];
	        this.covered = source["covered"];
	        this.problems = source["problems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Verification {
	    valid: boolean;
	    signatures: SignatureReport[];
	    problems: string[];
	
	    static createFrom(source: any = {}) {
	        return new Verification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.signatures = this.convertValues(source["signatures"], SignatureReport);
	        this.problems = source["problems"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace store {
	
	export class FrameworkChange {
	    added: number;
	    updated: number;
	    retired: number;
	    unchanged: number;
	    restored: number;
	
	    static createFrom(source: any = {}) {
	        return new FrameworkChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.retired = source["retired"];
	        this.unchanged = source["unchanged"];
	        this.restored = source["restored"];
	    }
	}

}

export namespace submission {
	
	export class Report {
	    path: string;
	    bytes: number;
	    entries: number;
	    artifacts: number;
	    credentials: number;
	    pdf: pdfrender.Report;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	        this.entries = source["entries"];
	        this.artifacts = source["artifacts"];
	        this.credentials = source["credentials"];
	        this.pdf = this.convertValues(source["pdf"], pdfrender.Report);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Summary {
	    id: string;
	    name: string;
	    district: string;
	    entries: number;
	    artifacts: number;
	    credentials: number;
	    // Go type: time
	    generatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.district = source["district"];
	        this.entries = source["entries"];
	        this.artifacts = source["artifacts"];
	        this.credentials = source["credentials"];
	        this.generatedAt = this.convertValues(source["generatedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Verification {
	    valid: boolean;
	    problems: bag.Problem[];
	    manifestSignature?: signing.SignatureReport;
	    pdf?: signing.Verification;
	    portfolio: Summary;
	
	    static createFrom(source: any = {}) {
	        return new Verification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.problems = this.convertValues(source["problems"], bag.Problem);
	        this.manifestSignature = this.convertValues(source["manifestSignature"], signing.SignatureReport);
	        this.pdf = this.convertValues(source["pdf"], signing.Verification);
	        this.portfolio = this.convertValues(source["portfolio"], Summary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace workspace {
	
	export class CredentialView {
	    id: string;
	    kind: string;
	    name: string;
	    issuer: string;
	    issuedOn: string;
	    expiresOn: string;
	    credentialId: string;
	    verificationUrl: string;
	    fileName?: string;
	    mediaType?: string;
	    size?: number;
	    sha256?: string;
	    badgeFormat?: string;
	    position: number;
	    // Go type: time
	    createdAt: any;
	    // Go type: time
	    updatedAt: any;
	    held: boolean;
	    badge?: openbadges.Badge;
	    findings: openbadges.Finding[];
	
	    static createFrom(source: any = {}) {
	        return new CredentialView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.issuer = source["issuer"];
	        this.issuedOn = source["issuedOn"];
	        this.expiresOn = source["expiresOn"];
	        this.credentialId = source["credentialId"];
	        this.verificationUrl = source["verificationUrl"];
	        this.fileName = source["fileName"];
	        this.mediaType = source["mediaType"];
	        this.size = source["size"];
	        this.sha256 = source["sha256"];
	        this.badgeFormat = source["badgeFormat"];
	        this.position = source["position"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.held = source["held"];
	        this.badge = this.convertValues(source["badge"], openbadges.Badge);
	        this.findings = this.convertValues(source["findings"], openbadges.Finding);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Estimate {
	    pages: number;
	    entries: number;
	    bytes: number;
	    leftOut: string[];
	
	    static createFrom(source: any = {}) {
	        return new Estimate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pages = source["pages"];
	        this.entries = source["entries"];
	        this.bytes = source["bytes"];
	        this.leftOut = source["leftOut"];
	    }
	}
	export class ExportReport {
	    pages: number;
	    images: number;
	    placeholders: number;
	    attachments: number;
	    warnings: string[];
	    path: string;
	    bytes: number;
	    entries: number;
	    leftOut: string[];
	
	    static createFrom(source: any = {}) {
	        return new ExportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pages = source["pages"];
	        this.images = source["images"];
	        this.placeholders = source["placeholders"];
	        this.attachments = source["attachments"];
	        this.warnings = source["warnings"];
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	        this.entries = source["entries"];
	        this.leftOut = source["leftOut"];
	    }
	}
	export class ImportReport {
	    framework: portfolio.Framework;
	    file: frameworks.CASEReport;
	    change: store.FrameworkChange;
	    replaced: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.framework = this.convertValues(source["framework"], portfolio.Framework);
	        this.file = this.convertValues(source["file"], frameworks.CASEReport);
	        this.change = this.convertValues(source["change"], store.FrameworkChange);
	        this.replaced = source["replaced"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

