export namespace app {
	
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

}

export namespace portfolio {
	
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

